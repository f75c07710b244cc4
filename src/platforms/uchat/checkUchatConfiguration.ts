import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { UchatSetting } from './UchatSetting';

/** UChat: the verification key, the bot's URL and key, the department its bot serves, and where a handover goes. */
export async function checkUchatConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(UchatSetting.VerificationKey, 'calls-refused');
    await check.requires(UchatSetting.BotUrl, 'bot-not-reached');
    await check.requires(UchatSetting.FlowApiKey, 'bot-not-reached');
    await check.department(UchatSetting.Department, { whenEmpty: 'no-bot-department' });
    await check.department(UchatSetting.HandoverDepartment, { whenEmpty: 'no-handover' });
}
