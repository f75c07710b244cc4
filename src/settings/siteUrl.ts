import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

/** Server settings do not reach apps when they change: Site_Url is read again at most once a minute. */
const KEEP_MS = 60 * 1000;
let kept: { value: string; at: number } | undefined;

/** Rocket.Chat's public address (server setting Site_Url), without a trailing slash; '' when unset. */
export async function siteUrl(read: IRead, now = Date.now()): Promise<string> {
    if (kept && now - kept.at < KEEP_MS) {
        return kept.value;
    }
    const value = String((await read.getEnvironmentReader().getServerSettings().getValueById('Site_Url')) ?? '').replace(/\/+$/, '');
    kept = { value, at: now };
    return value;
}
