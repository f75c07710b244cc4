import { IEnvironmentWrite, IHttp, ILogger, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { registerWithChatday } from '../platforms/chatday/ChatdayRegistration';
import { setUpUchatWebhook, UCHAT_SETUP_INPUTS } from '../platforms/uchat/UchatPartnerSetup';
import { AppSettings } from './AppSettings';
import { settingsCache } from './settingsCache';
import { SettingId } from './SettingId';

const CHATDAY_REGISTRATION_INPUTS: ReadonlyArray<string> = [SettingId.ChatdayToken, SettingId.ChatdayRegisterUrl];

/**
 * What a settings change sets off: registering with Chatday when its token or register URL
 * is saved; the one-step UChat webhook setup when its partner settings are all present.
 */
export async function onSettingChanged(setting: ISetting, read: IRead, http: IHttp, writer: IEnvironmentWrite, appId: string, logger: ILogger): Promise<void> {
    settingsCache.changed(setting);
    logger.info(`setting ${setting.id} changed`);
    const settings = AppSettings.from(read);
    if (CHATDAY_REGISTRATION_INPUTS.includes(setting.id) && (await settings.text(SettingId.ChatdayToken)) !== '') {
        await registerWithChatday(http, settings, writer, logger);
    }
    if (UCHAT_SETUP_INPUTS.includes(setting.id) && (await settings.text(SettingId.UchatPartnerApiKey)) !== '' && (await settings.text(SettingId.UchatWorkspaceId)) !== '') {
        await setUpUchatWebhook(read, http, writer, appId, logger);
    }
}
