import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { SettingId } from '../../settings/SettingId';

/** CLOSER: the token its webhook URL carries, and the relay's URL and secret for replies and closes. */
export async function checkCloserConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(SettingId.CloserWebhookToken, 'calls-refused');
    await check.requires(SettingId.CloserReplyUrl, 'calls-refused-replies-not-sent');
    await check.requires(SettingId.CloserReplySecret, 'calls-refused-replies-not-sent');
    await check.department(SettingId.CloserDepartment, { fallback: SettingId.DefaultDepartment });
}
