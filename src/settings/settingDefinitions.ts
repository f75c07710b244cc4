import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';
import { SettingId } from './SettingId';

/** Sections group the settings page by source; their ids are i18n keys. */
export enum SettingSection {
    General = 'section_general',
    RapidPro = 'section_rapidpro',
    Delivery = 'section_delivery',
    Gitple = 'section_gitple',
    Chatday = 'section_chatday',
    Uchat = 'section_uchat',
    Closer = 'section_closer',
}

/** Chatday does not publish its API host; these defaults are documented as such in the README. */
export const CHATDAY_DEFAULT_REGISTER_URL = 'https://api.chatday.ai/external/register';
export const CHATDAY_DEFAULT_SEND_URL = 'https://api.chatday.ai/external/send-message';
export const GITPLE_DEFAULT_API_URL = 'https://api.gitple.io';

type Kind = 'string' | 'password' | 'boolean' | 'number';

const TYPES: Record<Kind, SettingType> = {
    string: SettingType.STRING,
    password: SettingType.PASSWORD,
    boolean: SettingType.BOOLEAN,
    number: SettingType.NUMBER,
};

function setting(id: SettingId, kind: Kind, section: SettingSection, packageValue: unknown): ISetting {
    return {
        id,
        type: TYPES[kind],
        packageValue,
        required: false,
        public: false,
        section,
        i18nLabel: `${id}_label`,
        i18nDescription: `${id}_description`,
    };
}

const S = SettingSection;

/** Every setting the app registers, in the order the admin sees them. */
export const SETTINGS: ReadonlyArray<ISetting> = [
    setting(SettingId.AppSecret, 'password', S.General, ''),
    setting(SettingId.DefaultDepartment, 'string', S.General, ''),
    setting(SettingId.RapidProApiToken, 'password', S.RapidPro, ''),
    setting(SettingId.RapidProHistoryHours, 'number', S.RapidPro, 6),
    { ...setting(SettingId.RapidProCallbackUrl, 'string', S.RapidPro, ''), hidden: true },
    setting(SettingId.DeliveryTimeoutSeconds, 'number', S.Delivery, 15),
    setting(SettingId.DeliveryMaxAgeHours, 'number', S.Delivery, 24),
    setting(SettingId.DeliveryRetryBaseSeconds, 'number', S.Delivery, 2),
    setting(SettingId.DeliveryRetryMaxSeconds, 'number', S.Delivery, 300),
    setting(SettingId.FileLinkDays, 'number', S.Delivery, 30),
    setting(SettingId.GitpleEnabled, 'boolean', S.Gitple, false),
    setting(SettingId.GitpleEventSecret, 'password', S.Gitple, ''),
    setting(SettingId.GitpleAppCode, 'string', S.Gitple, ''),
    setting(SettingId.GitpleApiSecret, 'password', S.Gitple, ''),
    setting(SettingId.GitpleApiUrl, 'string', S.Gitple, GITPLE_DEFAULT_API_URL),
    setting(SettingId.GitpleDepartment, 'string', S.Gitple, ''),
    setting(SettingId.ChatdayEnabled, 'boolean', S.Chatday, false),
    setting(SettingId.ChatdayToken, 'password', S.Chatday, ''),
    setting(SettingId.ChatdayRegisterUrl, 'string', S.Chatday, CHATDAY_DEFAULT_REGISTER_URL),
    setting(SettingId.ChatdaySendUrl, 'string', S.Chatday, CHATDAY_DEFAULT_SEND_URL),
    setting(SettingId.ChatdaySignatureToken, 'password', S.Chatday, ''),
    setting(SettingId.ChatdayDepartment, 'string', S.Chatday, ''),
    setting(SettingId.UchatEnabled, 'boolean', S.Uchat, false),
    setting(SettingId.UchatVerificationKey, 'password', S.Uchat, ''),
    setting(SettingId.UchatBotUrl, 'string', S.Uchat, ''),
    setting(SettingId.UchatFlowApiKey, 'password', S.Uchat, ''),
    setting(SettingId.UchatDepartment, 'string', S.Uchat, ''),
    setting(SettingId.UchatHandoverDepartment, 'string', S.Uchat, ''),
    setting(SettingId.UchatHandoverPayloads, 'string', S.Uchat, 'human,agent,handover'),
    setting(SettingId.UchatPartnerApiUrl, 'string', S.Uchat, ''),
    setting(SettingId.UchatPartnerApiKey, 'password', S.Uchat, ''),
    setting(SettingId.UchatWorkspaceId, 'string', S.Uchat, ''),
    setting(SettingId.CloserEnabled, 'boolean', S.Closer, false),
    setting(SettingId.CloserWebhookToken, 'password', S.Closer, ''),
    setting(SettingId.CloserReplyUrl, 'string', S.Closer, ''),
    setting(SettingId.CloserReplySecret, 'password', S.Closer, ''),
    setting(SettingId.CloserDepartment, 'string', S.Closer, ''),
    setting(SettingId.CloserMirrorOutsideHandover, 'boolean', S.Closer, false),
];
