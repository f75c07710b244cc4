import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

const KEY = randomBytes(32);

/**
 * Compares two secrets in constant time, whatever their lengths: both are reduced to
 * HMAC digests of equal size first, so neither content nor length leaks through timing.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
    const a = createHmac('sha256', KEY).update(given, 'utf8').digest();
    const b = createHmac('sha256', KEY).update(expected, 'utf8').digest();
    return timingSafeEqual(a, b);
}
