import { createHmac } from 'crypto';

import { constantTimeEqual } from '../security/constantTimeEqual';

/** The HMAC label of file links, so the installation secret's other uses can never produce a valid one. */
const LABEL = 'tickets:file-link:v1';

/** URL-safe base64 (RFC 4648 §5) without padding: 43 characters for SHA-256. */
function base64Url(bytes: Buffer): string {
    return bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** HMAC-SHA256 of the upload id and the expiry (Unix seconds) under the installation secret. */
export function fileLinkSignature(secret: string, uploadId: string, expiresAt: number): string {
    return base64Url(createHmac('sha256', secret).update(`${LABEL}\n${uploadId}\n${expiresAt}`, 'utf8').digest());
}

/** Whether `signature` is the one for this upload and expiry (constant time). */
export function isValidFileLinkSignature(secret: string, uploadId: string, expiresAt: number, signature: string): boolean {
    return constantTimeEqual(signature, fileLinkSignature(secret, uploadId, expiresAt));
}
