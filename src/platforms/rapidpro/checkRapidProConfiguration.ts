import { SettingId } from '../../settings/SettingId';
import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { RapidProCallbackStore } from './RapidProCallbackStore';

/** RapidPro needs the App Secret both ways, its callback URL (from PUT /settings) to send replies, and an existing default department when one is set. */
export async function checkRapidProConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(SettingId.AppSecret, 'calls-refused-replies-not-sent');
    if (!(await new RapidProCallbackStore(check.read.getPersistenceReader(), check.settings).url())) {
        check.add({ kind: 'not-connected', call: 'PUT /settings' });
    }
    await check.department(SettingId.DefaultDepartment);
}
