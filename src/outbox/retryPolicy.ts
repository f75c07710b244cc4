/** How deliveries are retried: exponential backoff with jitter, and which answers are worth retrying. */

export type DeliveryOutcome =
    | { kind: 'delivered' }
    | { kind: 'retry'; reason: string; retryAfterMs?: number }
    /** The receiver will never take it: parked. */
    | { kind: 'park'; reason: string };

const MAX_DELAY_MS = 5 * 60 * 1000;

/** Delay before attempt number `attempt + 1`: base·2^(attempt−1) with ±25 % jitter, never above `maxMs` (5 minutes by default). */
export function backoffDelayMs(attempt: number, baseMs: number, random: () => number = Math.random, maxMs = MAX_DELAY_MS): number {
    const ceiling = Math.min(MAX_DELAY_MS, maxMs);
    const exponential = Math.min(ceiling, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.min(ceiling, Math.round(exponential * (0.75 + random() * 0.5)));
}

/** An HTTP-date (RFC 9110: IMF-fixdate, RFC 850 or asctime), which always names the day and a 4-digit or 2-digit year. */
const HTTP_DATE = /^[A-Za-z]{3,9}, ?\d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$|^[A-Za-z]{3} [A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}$/;

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
    if (!header) {
        return undefined;
    }
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) {
        return Math.min(MAX_DELAY_MS, Number(trimmed) * 1000);
    }
    const date = HTTP_DATE.test(trimmed) ? Date.parse(trimmed) : NaN;
    return Number.isNaN(date) ? undefined : Math.min(MAX_DELAY_MS, Math.max(0, date - now));
}

/** 2xx delivered; 408, 425, 429 and 5xx retried (honouring Retry-After); any other 4xx parked. */
export function classifyStatus(status: number, errorText: string, retryAfter: number | undefined): DeliveryOutcome {
    if (status >= 200 && status < 300) {
        return { kind: 'delivered' };
    }
    if (status === 408 || status === 425 || status === 429 || status >= 500) {
        return { kind: 'retry', reason: `HTTP ${status}${errorText ? `: ${errorText}` : ''}`, retryAfterMs: retryAfter };
    }
    return { kind: 'park', reason: `HTTP ${status}${errorText ? `: ${errorText}` : ''}` };
}
