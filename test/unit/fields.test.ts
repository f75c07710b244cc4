import {
    bodyObject, firstSpelling, httpUrl, isObject, MAX_FIELD_LENGTH, optionalObject, optionalStringMap, optionalText, requiredText, requireValidText,
} from '../../src/validation/fields';
import { badRequest } from '../support/badRequest';

describe('requireValidText', () => {
    it('keeps any text of valid Unicode, surrogate pairs (emoji) included', () => {
        for (const text of ['', 'plain', 'emoji 😄 and 👍🏽', '\ud83d\ude04\ud83d\ude04', '한국어 ไทย']) {
            expect(requireValidText(text, 'text')).toBe(text);
        }
    });

    it('refuses a lone high or low surrogate anywhere, a reversed pair, or NUL, naming the field', () => {
        for (const text of ['\ud800', 'a\ud800b', 'end \ud83d', '\udc00 start', 'a\ude04', '\ude04\ud83d', 'nul\u0000', '😄\udc00']) {
            expect(badRequest(() => requireValidText(text, 'message.text')).message).toContain('"message.text"');
        }
    });
});

describe('isObject / bodyObject / optionalObject', () => {
    it('isObject is true only for plain non-null, non-array objects', () => {
        expect(isObject({})).toBe(true);
        expect(isObject({ a: 1 })).toBe(true);
        expect(isObject([])).toBe(false);
        expect(isObject(null)).toBe(false);
        expect(isObject(undefined)).toBe(false);
        expect(isObject('x')).toBe(false);
        expect(isObject(1)).toBe(false);
    });

    it('bodyObject returns the object itself, or a 400', () => {
        const body = { a: 1 };
        expect(bodyObject(body)).toBe(body);
        expect(badRequest(() => bodyObject([])).message).toContain('request body');
        expect(badRequest(() => bodyObject(null)).message).toContain('request body');
    });

    it('optionalObject: absent/null → undefined, object kept, anything else → 400 naming the path', () => {
        expect(optionalObject({}, 'v', 'p.v')).toBeUndefined();
        expect(optionalObject({ v: null }, 'v', 'p.v')).toBeUndefined();
        const inner = { x: 1 };
        expect(optionalObject({ v: inner }, 'v', 'p.v')).toBe(inner);
        expect(badRequest(() => optionalObject({ v: 'x' }, 'v', 'p.v')).message).toContain('"p.v"');
        expect(badRequest(() => optionalObject({ v: [1] }, 'v', 'p.v')).message).toContain('"p.v"');
    });
});

describe('optionalText', () => {
    it('trims strings', () => {
        expect(optionalText({ a: '  hello world \n' }, 'a', 'a')).toBe('hello world');
    });

    it('returns undefined for absent, null, empty and blank values', () => {
        expect(optionalText({}, 'a', 'a')).toBeUndefined();
        expect(optionalText({ a: null }, 'a', 'a')).toBeUndefined();
        expect(optionalText({ a: undefined }, 'a', 'a')).toBeUndefined();
        expect(optionalText({ a: '' }, 'a', 'a')).toBeUndefined();
        expect(optionalText({ a: ' \t\n ' }, 'a', 'a')).toBeUndefined();
    });

    it('turns finite numbers into their decimal text', () => {
        expect(optionalText({ a: 42 }, 'a', 'a')).toBe('42');
        expect(optionalText({ a: 0 }, 'a', 'a')).toBe('0');
        expect(optionalText({ a: -7.5 }, 'a', 'a')).toBe('-7.5');
        expect(optionalText({ a: 5511999999999 }, 'a', 'a')).toBe('5511999999999');
    });

    it('rejects non-finite numbers, booleans, objects and lists, naming the path', () => {
        for (const value of [NaN, Infinity, -Infinity, true, false, { x: 1 }, ['x']]) {
            const error = badRequest(() => optionalText({ a: value }, 'a', 'outer.a'));
            expect(error.message).toContain('"outer.a"');
            expect(error.message).toContain('string');
        }
    });

    it('enforces the maximum length after trimming, defaulting to MAX_FIELD_LENGTH', () => {
        expect(optionalText({ a: 'x'.repeat(MAX_FIELD_LENGTH) }, 'a', 'a')).toHaveLength(MAX_FIELD_LENGTH);
        expect(optionalText({ a: `  ${'x'.repeat(MAX_FIELD_LENGTH)}  ` }, 'a', 'a')).toHaveLength(MAX_FIELD_LENGTH);
        const error = badRequest(() => optionalText({ a: 'x'.repeat(MAX_FIELD_LENGTH + 1) }, 'a', 'field.a'));
        expect(error.message).toContain('"field.a"');
        expect(error.message).toContain('too long');
        expect(error.message).toContain(String(MAX_FIELD_LENGTH));
    });

    it('honours a custom maximum length, also for numbers', () => {
        expect(optionalText({ a: 'abcde' }, 'a', 'a', 5)).toBe('abcde');
        expect(badRequest(() => optionalText({ a: 'abcdef' }, 'a', 'a', 5)).message).toContain('at most 5');
        expect(optionalText({ a: 12345 }, 'a', 'a', 5)).toBe('12345');
        expect(badRequest(() => optionalText({ a: 123456 }, 'a', 'num', 5)).message).toContain('"num"');
    });
});

describe('requiredText', () => {
    it('returns the trimmed text or number as text', () => {
        expect(requiredText({ a: ' x ' }, 'a', 'a')).toBe('x');
        expect(requiredText({ a: 9 }, 'a', 'a')).toBe('9');
    });

    it('says the path is required when absent, null, empty or blank', () => {
        for (const source of [{}, { a: null }, { a: '' }, { a: '   ' }]) {
            const error = badRequest(() => requiredText(source, 'a', 'visitor.a'));
            expect(error.message).toContain('"visitor.a"');
            expect(error.message).toContain('required');
        }
    });

    it('passes type and length errors through', () => {
        expect(badRequest(() => requiredText({ a: true }, 'a', 'p')).message).toContain('must be a string');
        expect(badRequest(() => requiredText({ a: 'abc' }, 'a', 'p', 2)).message).toContain('too long');
    });
});

describe('firstSpelling', () => {
    it('returns the first key that is present', () => {
        expect(firstSpelling({ ticketID: 'a', ticketId: 'b' }, ['ticketID', 'ticketId'])).toBe('ticketID');
        expect(firstSpelling({ ticketId: 'b' }, ['ticketID', 'ticketId'])).toBe('ticketId');
        expect(firstSpelling({ c: 1 }, ['a', 'b', 'c'])).toBe('c');
    });

    it('skips null and undefined but counts other falsy values as present', () => {
        expect(firstSpelling({ a: null, b: 'x' }, ['a', 'b'])).toBe('b');
        expect(firstSpelling({ a: undefined, b: 'x' }, ['a', 'b'])).toBe('b');
        expect(firstSpelling({ a: '', b: 'x' }, ['a', 'b'])).toBe('a');
        expect(firstSpelling({ a: 0, b: 'x' }, ['a', 'b'])).toBe('a');
    });

    it('falls back to the first key when none is present', () => {
        expect(firstSpelling({}, ['department', 'deparment'])).toBe('department');
        expect(firstSpelling({ department: null, deparment: null }, ['department', 'deparment'])).toBe('department');
    });
});

describe('optionalStringMap', () => {
    it('returns undefined when absent or null', () => {
        expect(optionalStringMap({}, 'm', 'm')).toBeUndefined();
        expect(optionalStringMap({ m: null }, 'm', 'm')).toBeUndefined();
    });

    it('keeps strings, turns numbers and booleans into text and skips nulls', () => {
        expect(optionalStringMap({ m: { s: 'x', n: 3, f: 1.25, t: true, no: false, skip: null } }, 'm', 'm')).toEqual({
            s: 'x', n: '3', f: '1.25', t: 'true', no: 'false',
        });
        expect(optionalStringMap({ m: {} }, 'm', 'm')).toEqual({});
    });

    it('rejects a non-object map', () => {
        expect(badRequest(() => optionalStringMap({ m: 'x' }, 'm', 'v.m')).message).toContain('"v.m"');
        expect(badRequest(() => optionalStringMap({ m: ['x'] }, 'm', 'v.m')).message).toContain('"v.m"');
    });

    it('rejects nested objects and lists, naming path.key', () => {
        expect(badRequest(() => optionalStringMap({ m: { ok: 'x', bad: { y: 1 } } }, 'm', 'v.m')).message).toContain('"v.m.bad"');
        expect(badRequest(() => optionalStringMap({ m: { list: [1] } }, 'm', 'v.m')).message).toContain('"v.m.list"');
    });

    it('limits the number of entries (default 100, or maxEntries)', () => {
        const entries = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `v${i}`]));
        expect(Object.keys(optionalStringMap({ m: entries(100) }, 'm', 'm') ?? {})).toHaveLength(100);
        const tooMany = badRequest(() => optionalStringMap({ m: entries(101) }, 'm', 'v.m'));
        expect(tooMany.message).toContain('"v.m"');
        expect(tooMany.message).toContain('too many');
        expect(optionalStringMap({ m: entries(3) }, 'm', 'm', 3)).toEqual({ k0: 'v0', k1: 'v1', k2: 'v2' });
        expect(badRequest(() => optionalStringMap({ m: entries(4) }, 'm', 'm', 3)).message).toContain('at most 3');
    });

    it('limits value length to MAX_FIELD_LENGTH and key length to 100', () => {
        expect(optionalStringMap({ m: { k: 'x'.repeat(MAX_FIELD_LENGTH) } }, 'm', 'm')?.k).toHaveLength(MAX_FIELD_LENGTH);
        expect(badRequest(() => optionalStringMap({ m: { k: 'x'.repeat(MAX_FIELD_LENGTH + 1) } }, 'm', 'v.m')).message).toContain('"v.m.k"');
        const longKey = 'k'.repeat(101);
        expect(optionalStringMap({ m: { ['k'.repeat(100)]: 'x' } }, 'm', 'm')).toEqual({ ['k'.repeat(100)]: 'x' });
        expect(badRequest(() => optionalStringMap({ m: { [longKey]: 'x' } }, 'm', 'v.m')).message).toContain('too long');
    });
});

describe('httpUrl', () => {
    it('accepts http and https URLs with any host and port', () => {
        expect(httpUrl('http://rapidpro:8000/mr/x', 'u')).toBe('http://rapidpro:8000/mr/x');
        expect(httpUrl('https://10.0.0.5:8443/a?b=c', 'u')).toBe('https://10.0.0.5:8443/a?b=c');
        expect(httpUrl('http://localhost/', 'u')).toBe('http://localhost/');
    });

    it('returns the normalised URL', () => {
        expect(httpUrl('HTTPS://Example.COM', 'u')).toBe('https://example.com/');
    });

    it('rejects other schemes, naming the path and the scheme', () => {
        const ftp = badRequest(() => httpUrl('ftp://example.com/file', 'webhook.url'));
        expect(ftp.message).toContain('"webhook.url"');
        expect(ftp.message).toContain('ftp');
        expect(badRequest(() => httpUrl('javascript:alert(1)', 'u')).message).toContain('javascript');
        expect(badRequest(() => httpUrl('mailto:a@example.com', 'u')).message).toContain('"u"');
    });

    it('rejects text that is not an absolute URL', () => {
        for (const value of ['', 'not a url', '/relative/path', 'example.com/path']) {
            const error = badRequest(() => httpUrl(value, 'the.url'));
            expect(error.message).toContain('"the.url"');
            expect(error.message).toContain('absolute');
        }
    });
});
