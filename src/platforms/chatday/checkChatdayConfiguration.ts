import { SettingId } from '../../settings/SettingId';
import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { ChatdaySetting } from './ChatdaySetting';

/** Chatday: its token (registering and replies), the signature token its calls carry, and the send URL for replies. */
export async function checkChatdayConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(ChatdaySetting.Token, 'calls-refused-replies-not-sent');
    await check.requires(ChatdaySetting.SignatureToken, 'calls-refused');
    await check.requires(ChatdaySetting.SendUrl, 'replies-not-sent');
    await check.department(ChatdaySetting.Department, { fallback: SettingId.DefaultDepartment });
}
