import { createHmac } from 'crypto';

import { LocalRocketChat } from '../host/LocalRocketChat';
import { installationSecretRecords } from './ageInstallationSecret';
import { BridgeWorld } from './BridgeWorld';
import { BytesAnswer, httpBytes } from './httpBytes';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A signed file link of the app as the README documents it: `<Site_Url>/api/apps/public/<app id>/file?upload=…&expires=…&signature=…&name=…`. */
export function signedLinkPattern(siteUrl: string, appId: string, encodedName: string): RegExp {
    return new RegExp(`^${escape(siteUrl.replace(/\/+$/, ''))}/api/apps/public/${escape(appId)}/file\\?upload=[A-Za-z0-9_-]+&expires=\\d+&signature=[A-Za-z0-9_-]{43}&name=${escape(encodedName)}$`);
}

/** The parts of a signed link. */
export function linkParts(link: string): { uploadId: string; expiresAt: number; signature: string; name: string } {
    const query = new URL(link).searchParams;
    return { uploadId: query.get('upload') ?? '', expiresAt: Number(query.get('expires')), signature: query.get('signature') ?? '', name: query.get('name') ?? '' };
}

/** The app-relative path of a file link with these parts (any of them malformed on purpose in tests). */
export function fileLinkPath(parts: { uploadId: string; expiresAt: number | string; signature: string; name: string }): string {
    return `file?${new URLSearchParams({ upload: parts.uploadId, expires: String(parts.expiresAt), signature: parts.signature, name: parts.name })}`;
}

/** Fetches a link meant for `<Site_Url>` from the world's front door instead (same path), keeping the bytes. */
export function throughDoor(world: BridgeWorld, link: string, method = 'GET'): Promise<BytesAnswer> {
    const url = new URL(link);
    return httpBytes(`${new URL(world.base).origin}${url.pathname}${url.search}`, { method });
}

/** The installation secret the app keeps in its persistence (read from the host's database, as an operator could). */
export function storedSecret(host: LocalRocketChat): string | undefined {
    const [record] = installationSecretRecords(host);
    return (record?.data as { secret?: string } | undefined)?.secret;
}

/** The signature scheme as documented: HMAC-SHA256 of "tickets:file-link:v1\n<upload id>\n<expiry>", URL-safe base64 without padding. */
export function documentedSignature(secret: string, uploadId: string, expiresAt: number): string {
    return createHmac('sha256', secret).update(`tickets:file-link:v1\n${uploadId}\n${expiresAt}`).digest('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
