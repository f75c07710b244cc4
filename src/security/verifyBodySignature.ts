import { createHmac, timingSafeEqual } from 'crypto';

import { plausibleSerialisations } from './jsonSerialisations';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks a `sha256=<hex>` HMAC-SHA256 header of a parsed body against every plausible
 * serialisation of it (see jsonSerialisations), comparing in constant time.
 */
export function verifyBodySignature(header: string, body: unknown, secret: string): boolean {
    const match = SIGNATURE.exec(header.trim());
    if (!match || secret === '') {
        return false;
    }
    const given = Buffer.from(match[1].toLowerCase(), 'hex');
    let valid = false;
    for (const candidate of plausibleSerialisations(body)) {
        const expected = createHmac('sha256', secret).update(candidate, 'utf8').digest();
        valid = timingSafeEqual(expected, given) || valid;
    }
    return valid;
}

/** `sha256=<hex>` of `payload` with `secret` (what the app itself signs, e.g. for a platform's relay). */
export function signBody(payload: string, secret: string): string {
    return `sha256=${createHmac('sha256', secret).update(payload, 'utf8').digest('hex')}`;
}
