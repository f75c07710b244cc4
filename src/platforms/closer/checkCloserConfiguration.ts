import { SettingId } from '../../settings/SettingId';
import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { CloserSetting } from './CloserSetting';

/** CLOSER: the token its webhook URL carries, and the relay's URL and secret for replies and closes. */
export async function checkCloserConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(CloserSetting.WebhookToken, 'calls-refused');
    await check.requires(CloserSetting.ReplyUrl, 'calls-refused-replies-not-sent');
    await check.requires(CloserSetting.ReplySecret, 'calls-refused-replies-not-sent');
    await check.department(CloserSetting.Department, { fallback: SettingId.DefaultDepartment });
}
