import { utcStamp } from '../../src/time/utcStamp';

describe('utcStamp', () => {
    it('formats a UTC time with the zone shown', () => {
        expect(utcStamp('2024-05-01T13:04:05Z')).toBe('2024-05-01 13:04:05 UTC');
        expect(utcStamp('2024-05-01T13:04:05.987654Z')).toBe('2024-05-01 13:04:05 UTC');
    });

    it('converts times with an offset to UTC', () => {
        expect(utcStamp('2024-05-01T15:04:05+02:00')).toBe('2024-05-01 13:04:05 UTC');
        expect(utcStamp('2024-12-31T22:30:00-03:00')).toBe('2025-01-01 01:30:00 UTC');
    });

    it('always ends in " UTC"', () => {
        for (const iso of ['2020-02-29T00:00:00Z', '1999-12-31T23:59:59.999Z', '2024-05-01T15:04:05+05:30']) {
            expect(utcStamp(iso)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
        }
    });

    it('says "(unknown time)" for missing or invalid times', () => {
        expect(utcStamp(undefined)).toBe('(unknown time)');
        expect(utcStamp('')).toBe('(unknown time)');
        expect(utcStamp('not a time')).toBe('(unknown time)');
        expect(utcStamp('2024-13-45T99:00:00Z')).toBe('(unknown time)');
    });

    it('says what the caller asks for an unknown time', () => {
        expect(utcStamp(undefined, 'an unknown time')).toBe('an unknown time');
        expect(utcStamp('2024-05-01T13:04:05Z', 'an unknown time')).toBe('2024-05-01 13:04:05 UTC');
    });
});
