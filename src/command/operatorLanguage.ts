import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

/** The server's default language (the `Language` setting), else undefined (English). */
export async function serverLanguage(read: IRead): Promise<string | undefined> {
    try {
        const serverDefault: unknown = await read.getEnvironmentReader().getServerSettings().getValueById('Language');
        return typeof serverDefault === 'string' && serverDefault !== '' ? serverDefault : undefined;
    } catch {
        // A server that does not let apps read it: English.
        return undefined;
    }
}

/**
 * The language to answer a user in: their own preference (Rocket.Chat hands apps
 * `settings.preferences.language`), else the server's default, else undefined (English).
 */
export async function operatorLanguage(user: IUser, read: IRead): Promise<string | undefined> {
    const preferred = user.settings?.preferences?.language;
    if (preferred) {
        return preferred;
    }
    return serverLanguage(read);
}
