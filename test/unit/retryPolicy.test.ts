import { backoffDelayMs, classifyStatus, retryAfterMs } from '../../src/outbox/retryPolicy';

const FIVE_MINUTES = 5 * 60 * 1000;
const noJitter = () => 0.5;
const lowest = () => 0;
const highest = () => 1;

describe('backoffDelayMs', () => {
    it('doubles with each attempt (without jitter)', () => {
        expect(backoffDelayMs(1, 1000, noJitter)).toBe(1000);
        expect(backoffDelayMs(2, 1000, noJitter)).toBe(2000);
        expect(backoffDelayMs(3, 1000, noJitter)).toBe(4000);
        expect(backoffDelayMs(4, 1000, noJitter)).toBe(8000);
        expect(backoffDelayMs(5, 500, noJitter)).toBe(8000);
    });

    it('treats attempt 0 or below like the first attempt', () => {
        expect(backoffDelayMs(0, 1000, noJitter)).toBe(1000);
        expect(backoffDelayMs(-3, 1000, noJitter)).toBe(1000);
    });

    it('caps the delay at 5 minutes', () => {
        expect(backoffDelayMs(9, 1000, noJitter)).toBe(256000);
        expect(backoffDelayMs(10, 1000, noJitter)).toBe(FIVE_MINUTES);
        expect(backoffDelayMs(30, 1000, noJitter)).toBe(FIVE_MINUTES);
        expect(backoffDelayMs(2000, 1000, noJitter)).toBe(FIVE_MINUTES);
        expect(backoffDelayMs(1, 10 * FIVE_MINUTES, noJitter)).toBe(FIVE_MINUTES);
    });

    it('applies jitter of at most ±25 %', () => {
        expect(backoffDelayMs(3, 1000, lowest)).toBe(3000);
        expect(backoffDelayMs(3, 1000, noJitter)).toBe(4000);
        expect(backoffDelayMs(3, 1000, highest)).toBe(5000);
        // The jitter never takes a wait above the 5-minute ceiling.
        expect(backoffDelayMs(30, 1000, lowest)).toBe(FIVE_MINUTES * 0.75);
        expect(backoffDelayMs(30, 1000, highest)).toBe(FIVE_MINUTES);
    });

    it('stays within ±25 % with the default Math.random', () => {
        for (let i = 0; i < 200; i++) {
            const delay = backoffDelayMs(4, 1000);
            expect(delay).toBeGreaterThanOrEqual(6000);
            expect(delay).toBeLessThanOrEqual(10000);
        }
    });

    it('returns whole milliseconds', () => {
        expect(backoffDelayMs(1, 333, () => 0.123)).toBe(Math.round(333 * (0.75 + 0.123 * 0.5)));
        expect(Number.isInteger(backoffDelayMs(1, 333, () => 0.123))).toBe(true);
    });
});

describe('retryAfterMs', () => {
    const now = Date.UTC(2024, 4, 1, 12, 0, 0);

    it('reads delay-seconds', () => {
        expect(retryAfterMs('120', now)).toBe(120000);
        expect(retryAfterMs('0', now)).toBe(0);
        expect(retryAfterMs(' 5 ', now)).toBe(5000);
        expect(retryAfterMs('1.5', now)).toBe(1500);
    });

    it('caps delay-seconds at 5 minutes', () => {
        expect(retryAfterMs('300', now)).toBe(FIVE_MINUTES);
        expect(retryAfterMs('86400', now)).toBe(FIVE_MINUTES);
    });

    it('reads an HTTP-date relative to now', () => {
        expect(retryAfterMs(new Date(now + 30000).toUTCString(), now)).toBe(30000);
        expect(retryAfterMs('Wed, 01 May 2024 12:01:30 GMT', now)).toBe(90000);
    });

    it('caps a far HTTP-date at 5 minutes and turns a past one into 0', () => {
        expect(retryAfterMs(new Date(now + 3600000).toUTCString(), now)).toBe(FIVE_MINUTES);
        expect(retryAfterMs(new Date(now - 60000).toUTCString(), now)).toBe(0);
    });

    it('returns undefined when absent', () => {
        expect(retryAfterMs(undefined, now)).toBeUndefined();
        expect(retryAfterMs('', now)).toBeUndefined();
        expect(retryAfterMs('   ', now)).toBeUndefined();
    });

    it('returns undefined for garbage', () => {
        for (const header of ['soon', 'later please', 'abc', '5 minutes', 'NaN']) {
            expect(retryAfterMs(header, now)).toBeUndefined();
        }
    });

    // Demonstrates a bug: values that are neither delay-seconds nor an HTTP-date, such as "-1"
    // or "abc 12", fail the digits check and then fall to V8's lenient Date.parse, which reads
    // them as dates in 2001; the past date becomes 0 ms (retry at once) instead of undefined.
    it('returns undefined for a negative number or junk that V8 Date.parse happens to accept', () => {
        for (const header of ['-1', 'abc 12']) {
            expect(retryAfterMs(header, now)).toBeUndefined();
        }
    });
});

describe('classifyStatus', () => {
    it('counts 2xx as delivered', () => {
        for (const status of [200, 201, 202, 204]) {
            expect(classifyStatus(status, '', undefined)).toEqual({ kind: 'delivered' });
            expect(classifyStatus(status, 'ignored', 1000)).toEqual({ kind: 'delivered' });
        }
    });

    it('retries 408, 425, 429 and 5xx, passing Retry-After through', () => {
        for (const status of [408, 425, 429, 500, 502, 503, 504]) {
            const outcome = classifyStatus(status, 'busy', 7000);
            expect(outcome).toEqual({ kind: 'retry', reason: `HTTP ${status}: busy`, retryAfterMs: 7000 });
        }
        const withoutRetryAfter = classifyStatus(503, 'down', undefined);
        expect(withoutRetryAfter.kind).toBe('retry');
        expect(withoutRetryAfter.kind === 'retry' && withoutRetryAfter.retryAfterMs).toBeUndefined();
    });

    it('parks other 4xx', () => {
        for (const status of [400, 401, 403, 404, 410, 422]) {
            const outcome = classifyStatus(status, 'nope', 7000);
            expect(outcome).toEqual({ kind: 'park', reason: `HTTP ${status}: nope` });
        }
    });

    it('puts the status and the error text in the reason', () => {
        const retry = classifyStatus(502, 'Bad Gateway from nginx', undefined);
        expect(retry.kind === 'retry' && retry.reason).toContain('502');
        expect(retry.kind === 'retry' && retry.reason).toContain('Bad Gateway from nginx');
        const parked = classifyStatus(422, '{"error":"ticket not found"}', undefined);
        expect(parked.kind === 'park' && parked.reason).toContain('422');
        expect(parked.kind === 'park' && parked.reason).toContain('{"error":"ticket not found"}');
    });

    it('leaves out the colon when there is no error text', () => {
        expect(classifyStatus(404, '', undefined)).toEqual({ kind: 'park', reason: 'HTTP 404' });
        expect(classifyStatus(500, '', undefined)).toEqual({ kind: 'retry', reason: 'HTTP 500', retryAfterMs: undefined });
    });
});

describe('backoffDelayMs with a configured ceiling', () => {
    it('stops growing at the configured ceiling, and never above 5 minutes', () => {
        const middle = () => 0.5;
        expect(backoffDelayMs(10, 1000, middle, 3000)).toBe(3000);
        expect(backoffDelayMs(2, 1000, middle, 3000)).toBe(2000);
        expect(backoffDelayMs(30, 1000, middle, 3600 * 1000)).toBe(300000);
    });
});
