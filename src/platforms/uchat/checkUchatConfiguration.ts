import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { SettingId } from '../../settings/SettingId';

/** UChat: the verification key, the bot's URL and key, the department its bot serves, and where a handover goes. */
export async function checkUchatConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(SettingId.UchatVerificationKey, 'calls-refused');
    await check.requires(SettingId.UchatBotUrl, 'bot-not-reached');
    await check.requires(SettingId.UchatFlowApiKey, 'bot-not-reached');
    await check.department(SettingId.UchatDepartment, { whenEmpty: 'no-bot-department' });
    await check.department(SettingId.UchatHandoverDepartment, { whenEmpty: 'no-handover' });
}
