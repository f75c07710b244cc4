import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

type Kind = 'string' | 'password' | 'boolean' | 'number';

const TYPES: Record<Kind, SettingType> = {
    string: SettingType.STRING,
    password: SettingType.PASSWORD,
    boolean: SettingType.BOOLEAN,
    number: SettingType.NUMBER,
};

/** A setting of the app: its label and description are the i18n keys `<id>_label` and `<id>_description`; `section` is an i18n key too. */
export function defineSetting(id: string, kind: Kind, section: string, packageValue: unknown, options: { hidden?: boolean } = {}): ISetting {
    return {
        id,
        type: TYPES[kind],
        packageValue,
        required: false,
        public: false,
        section,
        i18nLabel: `${id}_label`,
        i18nDescription: `${id}_description`,
        ...(options.hidden ? { hidden: true } : {}),
    };
}
