import { defineSetting } from '../../settings/defineSetting';
import { Platform } from '../Platform';
import { CHATDAY_LABEL, CHATDAY_SOURCE, ChatdayInbound } from './ChatdayInbound';
import { ChatdayOutbound } from './ChatdayOutbound';
import { ChatdayRegisterEndpoint } from './ChatdayRegisterEndpoint';
import { registerWithChatday } from './ChatdayRegistration';
import { ChatdaySetting } from './ChatdaySetting';
import { checkChatdayConfiguration } from './checkChatdayConfiguration';

const SECTION = 'section_chatday';

/** Chatday does not publish its API host; these defaults are documented as such in the README. */
const DEFAULT_REGISTER_URL = 'https://api.chatday.ai/external/register';
const DEFAULT_SEND_URL = 'https://api.chatday.ai/external/send-message';

const REGISTRATION_INPUTS: ReadonlyArray<string> = [ChatdaySetting.Token, ChatdaySetting.RegisterUrl];

/** Chatday's webhook in, its send API out; the app registers with Chatday when its token is saved. */
export const chatday: Platform = {
    source: CHATDAY_SOURCE,
    label: CHATDAY_LABEL,
    settings: [
        defineSetting(ChatdaySetting.Enabled, 'boolean', SECTION, false),
        defineSetting(ChatdaySetting.Token, 'password', SECTION, ''),
        defineSetting(ChatdaySetting.RegisterUrl, 'string', SECTION, DEFAULT_REGISTER_URL),
        defineSetting(ChatdaySetting.SendUrl, 'string', SECTION, DEFAULT_SEND_URL),
        defineSetting(ChatdaySetting.SignatureToken, 'password', SECTION, ''),
        defineSetting(ChatdaySetting.Department, 'string', SECTION, ''),
    ],
    inbound: new ChatdayInbound(),
    outbound: new ChatdayOutbound(),
    endpoints: (app) => [new ChatdayRegisterEndpoint(app)],
    onSettingChanged: async (setting, { http, settings, environment, logger }) => {
        if (REGISTRATION_INPUTS.includes(setting.id) && (await settings.text(ChatdaySetting.Token)) !== '') {
            await registerWithChatday(http, settings, environment, logger);
        }
    },
    checkConfiguration: checkChatdayConfiguration,
};
