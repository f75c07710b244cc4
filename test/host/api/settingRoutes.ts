import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';

import { HostApiContext } from './HostApiContext';
import { HostApiError } from './HostApiError';
import { bodyObject } from './hostInput';
import { answer, HostRoute } from './HostRoute';

/**
 * A setting as the host API shows it: a password's value is never shown, only whether it is set;
 * its section, label and description in English, as Administration > Apps shows them.
 */
function settingView(setting: ISetting, texts: Record<string, string>): object {
    const value = setting.value ?? setting.packageValue;
    const secret = setting.type === SettingType.PASSWORD;
    const text = (key: string | undefined): string | null => (key ? texts[key] ?? key : null);
    return {
        id: setting.id,
        type: setting.type,
        value: secret ? null : value ?? null,
        set: value !== undefined && value !== null && value !== '',
        secret,
        section: text(setting.section),
        label: text(setting.i18nLabel),
        description: text(setting.i18nDescription),
        values: setting.values?.map((choice) => ({ key: choice.key, label: text(choice.i18nLabel) })),
    };
}

/** The admin form's check: the value must fit the setting's type (Administration > Apps saves nothing else). */
function checkSettingValue(setting: ISetting, value: unknown): void {
    const fits = (() => {
        switch (setting.type) {
            case SettingType.BOOLEAN:
                return typeof value === 'boolean';
            case SettingType.NUMBER:
                return typeof value === 'number' && Number.isFinite(value);
            case SettingType.SELECT:
                return typeof value === 'string' && (setting.values ?? []).some((choice) => choice.key === value);
            default:
                return typeof value === 'string';
        }
    })();
    if (!fits) {
        const expected = setting.type === SettingType.SELECT ? `one of ${(setting.values ?? []).map((choice) => choice.key).join(', ')}` : { boolean: 'true or false', int: 'a number' }[setting.type as string] ?? 'a string';
        throw HostApiError.badRequest(`"value" for ${setting.id} must be ${expected}`);
    }
}

function requiredValue(input: Record<string, unknown>): unknown {
    if (!('value' in input)) {
        throw HostApiError.badRequest('"value" is required: {"value": …}');
    }
    return input.value;
}

/** The app's settings (Administration > Apps > Tickets), Rocket.Chat's own settings, and the app's logs. */
export function settingRoutes(context: HostApiContext): Array<HostRoute> {
    const { host } = context;
    const setting = (id: string): ISetting => {
        const found = host.appSettings(context.appId()).find((candidate) => candidate.id === id);
        if (!found) {
            throw HostApiError.notFound(`the app has no setting "${id}" (GET /host/settings lists them)`);
        }
        return found;
    };
    return [
        {
            method: 'GET', path: '/host/settings', summary: 'the app\'s settings (passwords show only whether they are set)',
            handle: () => answer(200, host.appSettings(context.appId()).map((item) => settingView(item, host.appTexts(context.appId())))),
        },
        {
            method: 'PUT', path: '/host/settings/:id', summary: 'change an app setting as an admin does {"value":…} (the app\'s onSettingUpdated runs)',
            handle: async ({ params, body }) => {
                const value = requiredValue(bodyObject(body));
                const current = setting(params.id);
                checkSettingValue(current, value);
                await host.setSetting(context.appId(), current.id, value);
                return answer(200, settingView(setting(current.id), host.appTexts(context.appId())));
            },
        },
        {
            method: 'GET', path: '/host/server-settings', summary: 'the Rocket.Chat settings this local server has',
            handle: () => answer(200, Object.fromEntries(host.store.serverSettings)),
        },
        {
            method: 'PUT', path: '/host/server-settings/:id', summary: 'change a Rocket.Chat setting {"value":true} (e.g. Livechat_accept_chats_with_no_agents)',
            handle: ({ params, body }) => {
                const value = requiredValue(bodyObject(body));
                const known = host.store.serverSettings;
                if (!known.has(params.id)) {
                    throw HostApiError.notFound(`this local Rocket.Chat has no setting "${params.id}"; it has ${[...known.keys()].join(', ')}`);
                }
                const type = typeof known.get(params.id);
                if (typeof value !== type) {
                    throw HostApiError.badRequest(`"value" for ${params.id} must be a ${type}`);
                }
                host.setServerSetting(params.id, value);
                return answer(200, { id: params.id, value });
            },
        },
    ];
}
