import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { SettingId } from '../../settings/SettingId';

/** Chatday: its token (registering and replies), the signature token its calls carry, and the send URL for replies. */
export async function checkChatdayConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(SettingId.ChatdayToken, 'calls-refused-replies-not-sent');
    await check.requires(SettingId.ChatdaySignatureToken, 'calls-refused');
    await check.requires(SettingId.ChatdaySendUrl, 'replies-not-sent');
    await check.department(SettingId.ChatdayDepartment, { fallback: SettingId.DefaultDepartment });
}
