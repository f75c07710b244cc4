const UNITS: Record<string, number> = {
    ms: 1, millisecond: 1, milliseconds: 1,
    s: 1000, sec: 1000, second: 1000, seconds: 1000,
    m: 60000, min: 60000, minute: 60000, minutes: 60000,
    h: 3600000, hour: 3600000, hours: 3600000,
    d: 86400000, day: 86400000, days: 86400000,
};

/** Milliseconds of an Agenda-style interval: a number (ms), "now", or "<n> <unit>" such as "5 seconds". */
export function intervalMs(value: string | number): number {
    if (typeof value === 'number') {
        return value;
    }
    const text = value.trim().toLowerCase();
    if (text === 'now') {
        return 0;
    }
    const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/.exec(text.replace(/^in\s+/, ''));
    if (!match || UNITS[match[2]] === undefined) {
        throw new Error(`unsupported interval "${value}"`);
    }
    return Number(match[1]) * UNITS[match[2]];
}

/** Milliseconds from now until a one-time job is due: a Date, an ISO date string, or an interval from now. */
export function delayUntil(when: string | Date): number {
    if (when instanceof Date) {
        return Math.max(0, when.getTime() - Date.now());
    }
    const asDate = /^\d{4}-\d{2}-\d{2}/.test(when) ? Date.parse(when) : NaN;
    return Math.max(0, Number.isNaN(asDate) ? intervalMs(when) : asDate - Date.now());
}
