import { fileLinkSignature } from './fileLinkSignature';

/**
 * The app endpoint behind signed file links: `file/<upload id>/<expiry, Unix seconds>/<signature>/<file name>`.
 * The name ends the URL so that whatever shows or saves the link sees the real file name; it is
 * not signed (the file is always served under its name in Rocket.Chat).
 */
export const FILE_ENDPOINT_PATH = 'file/:upload/:expires/:signature/:name';

/** A link anyone can open until `expiresAt` (Unix seconds): `<Site_Url>/api/apps/public/<app id>/file/…`. */
export function signedFileUrl(siteUrl: string, appId: string, secret: string, uploadId: string, name: string, expiresAt: number): string {
    const signature = fileLinkSignature(secret, uploadId, expiresAt);
    return `${siteUrl.replace(/\/+$/, '')}/api/apps/public/${appId}/file/${encodeURIComponent(uploadId)}/${expiresAt}/${signature}/${encodeURIComponent(name || 'file')}`;
}
