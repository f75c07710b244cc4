import { SettingType } from '@rocket.chat/apps-engine/definition/settings';

import { AppSettings } from '../settings/AppSettings';
import { SETTINGS } from '../settings/settingDefinitions';

/** The values of the app's password settings that are set (read through the settings cache). */
export async function secretValues(settings: AppSettings): Promise<Array<string>> {
    const values = await Promise.all(SETTINGS.filter((setting) => setting.type === SettingType.PASSWORD).map((setting) => settings.text(setting.id)));
    return values.filter((value) => value !== '');
}

/**
 * `text` with every secret replaced: what the app posts quotes receivers' answers, which it does
 * not control, so a receiver echoing a token back never puts it in a room.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string>): string {
    return secrets.reduce((redacted, secret) => redacted.split(secret).join('[secret]'), text);
}
