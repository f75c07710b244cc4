import { IEnvironmentWrite, IHttp, ILogger, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { registerWithChatday } from '../platforms/chatday/ChatdayRegistration';
import { AppSettings } from './AppSettings';
import { SettingId } from './SettingId';

const CHATDAY_REGISTRATION_INPUTS: ReadonlyArray<string> = [SettingId.ChatdayToken, SettingId.ChatdayRegisterUrl];

/** What a settings change sets off: registering with Chatday when its token or register URL is saved. */
export async function onSettingChanged(setting: ISetting, read: IRead, http: IHttp, writer: IEnvironmentWrite, logger: ILogger): Promise<void> {
    logger.info(`setting ${setting.id} changed`);
    if (!CHATDAY_REGISTRATION_INPUTS.includes(setting.id)) {
        return;
    }
    const settings = AppSettings.from(read);
    if ((await settings.text(SettingId.ChatdayToken)) !== '') {
        await registerWithChatday(http, settings, writer, logger);
    }
}
