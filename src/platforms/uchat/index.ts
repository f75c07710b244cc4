import { BearerJsonTarget } from '../../outbox/BearerJsonTarget';
import { defineSetting } from '../../settings/defineSetting';
import { Platform } from '../Platform';
import { checkUchatConfiguration } from './checkUchatConfiguration';
import { UCHAT_LABEL, UCHAT_SOURCE, UchatInbound } from './UchatInbound';
import { setUpUchatWebhook, UCHAT_SETUP_INPUTS } from './UchatPartnerSetup';
import { UchatSetting } from './UchatSetting';
import { UchatSetupEndpoint } from './UchatSetupEndpoint';
import { relayVisitorMessage } from './UchatVisitorRelay';

const SECTION = 'section_uchat';

const inbound = new UchatInbound();

/**
 * UChat's bot serves livechat widget visitors in `uchat_department`: visitors' messages go to
 * the bot (its bot_url), the bot's replies come in on the webhook, and a handover moves the
 * room to human agents. Rocket.Chat agents' replies are not sent to UChat (after a handover
 * the room is theirs), and UChat has no close to receive.
 */
export const uchat: Platform = {
    source: UCHAT_SOURCE,
    label: UCHAT_LABEL,
    settings: [
        defineSetting(UchatSetting.Enabled, 'boolean', SECTION, false),
        defineSetting(UchatSetting.VerificationKey, 'password', SECTION, ''),
        defineSetting(UchatSetting.BotUrl, 'string', SECTION, ''),
        defineSetting(UchatSetting.FlowApiKey, 'password', SECTION, ''),
        defineSetting(UchatSetting.Department, 'string', SECTION, ''),
        defineSetting(UchatSetting.HandoverDepartment, 'string', SECTION, ''),
        defineSetting(UchatSetting.HandoverPayloads, 'string', SECTION, 'human,agent,handover'),
        defineSetting(UchatSetting.PartnerApiUrl, 'string', SECTION, ''),
        defineSetting(UchatSetting.PartnerApiKey, 'password', SECTION, ''),
        defineSetting(UchatSetting.WorkspaceId, 'string', SECTION, ''),
    ],
    inbound,
    outbound: { target: new BearerJsonTarget(UchatSetting.BotUrl, UchatSetting.FlowApiKey), fileLinks: 'signed' },
    endpoints: (app) => [new UchatSetupEndpoint(app)],
    onMessageSent: (message, context) => relayVisitorMessage(message, context, inbound),
    onSettingChanged: async (setting, { read, http, settings, environment, appId, logger }) => {
        if (UCHAT_SETUP_INPUTS.includes(setting.id) && (await settings.text(UchatSetting.PartnerApiKey)) !== '' && (await settings.text(UchatSetting.WorkspaceId)) !== '') {
            await setUpUchatWebhook(read, http, environment, appId, logger);
        }
    },
    checkConfiguration: checkUchatConfiguration,
};
