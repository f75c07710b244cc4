import { fileLinkSignature } from './fileLinkSignature';

/**
 * The app endpoint behind signed file links: `file?upload=<upload id>&expires=<Unix seconds>&signature=…&name=<file name>`.
 * A plain path with query parameters: the Deno runtime of Apps-Engine before 1.62 cannot route
 * an endpoint path with `:parameters`. The name is not signed (the file is always served under
 * its name in Rocket.Chat).
 */
export const FILE_ENDPOINT_PATH = 'file';

/** A link anyone can open until `expiresAt` (Unix seconds): `<Site_Url>/api/apps/public/<app id>/file/…`. */
export function signedFileUrl(siteUrl: string, appId: string, secret: string, uploadId: string, name: string, expiresAt: number): string {
    const signature = fileLinkSignature(secret, uploadId, expiresAt);
    return `${siteUrl.replace(/\/+$/, '')}/api/apps/public/${appId}/${FILE_ENDPOINT_PATH}?upload=${encodeURIComponent(uploadId)}&expires=${expiresAt}&signature=${signature}&name=${encodeURIComponent(name || 'file')}`;
}
