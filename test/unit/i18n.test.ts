import * as fs from 'fs';
import * as path from 'path';

import { PLATFORMS } from '../../src/platforms/registry';
import { SETTINGS } from '../../src/settings/settingDefinitions';
import { SettingId } from '../../src/settings/SettingId';

const I18N = path.resolve(__dirname, '..', '..', 'i18n');
const LANGUAGES = ['en', 'pt-BR', 'es', 'ko', 'th'];
const load = (language: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(I18N, `${language}.json`), 'utf8'));

describe('settings and their translations', () => {
    const contract = [
        'app_secret', 'default_department', 'rapidpro_api_token', 'rapidpro_history_hours',
        'gitple_enabled', 'gitple_event_secret', 'gitple_app_code', 'gitple_api_secret', 'gitple_api_url', 'gitple_department',
        'chatday_enabled', 'chatday_token', 'chatday_register_url', 'chatday_send_url', 'chatday_signature_token', 'chatday_department',
        'uchat_enabled', 'uchat_verification_key', 'uchat_bot_url', 'uchat_flow_api_key', 'uchat_department', 'uchat_handover_department',
        'closer_enabled', 'closer_webhook_token', 'closer_reply_url', 'closer_reply_secret', 'closer_department',
    ];

    it('registers every setting id of the settings contract', () => {
        const ids = SETTINGS.map((setting) => setting.id);
        for (const id of contract) {
            expect(ids).toContain(id);
        }
        expect(new Set(ids).size).toBe(ids.length);
        const declared = [...Object.values(SettingId), ...PLATFORMS.flatMap((platform) => platform.settings.map((setting) => setting.id))];
        expect(declared.sort()).toEqual([...ids].sort());
        for (const platform of PLATFORMS) {
            expect(platform.settings.every((setting) => setting.id.startsWith(`${platform.source}_`) && setting.section === `section_${platform.source}`)).toBe(true);
        }
    });

    it.each(LANGUAGES)('%s has a label and a description for every setting and every section', (language) => {
        const strings = load(language);
        const needed = [
            ...SETTINGS.flatMap((setting) => [setting.i18nLabel, setting.i18nDescription as string]),
            ...SETTINGS.map((setting) => setting.section as string),
        ];
        for (const key of needed) {
            expect(typeof strings[key]).toBe('string');
            expect(strings[key].trim()).not.toBe('');
        }
    });

    it.each(LANGUAGES)('%s describes the /tickets command and its parameters', (language) => {
        const strings = load(language);
        for (const key of ['tickets_command_description', 'tickets_command_params']) {
            expect(typeof strings[key]).toBe('string');
            expect(strings[key].trim()).not.toBe('');
        }
    });

    it('every language file has exactly the keys of the English one', () => {
        const english = Object.keys(load('en')).sort();
        for (const language of LANGUAGES) {
            expect(Object.keys(load(language)).sort()).toEqual(english);
        }
    });
});
