import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

/** Rocket.Chat's public address (server setting Site_Url), without a trailing slash; '' when unset. */
export async function siteUrl(read: IRead): Promise<string> {
    const value = await read.getEnvironmentReader().getServerSettings().getValueById('Site_Url');
    return String(value ?? '').replace(/\/+$/, '');
}
