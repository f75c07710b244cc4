import * as fc from 'fast-check';

import { splitMessageText } from '../../src/livechat/splitMessageText';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

describe('splitMessageText', () => {
    it('keeps a text within the limit as one part', () => {
        expect(splitMessageText('', 5000)).toEqual(['']);
        expect(splitMessageText('x'.repeat(5000), 5000)).toEqual(['x'.repeat(5000)]);
    });

    it('ends parts after a line break when one is in the second half of the window', () => {
        const lines = Array.from({ length: 8 }, (_, i) => `line ${i} ${'.'.repeat(20)}`);
        const parts = splitMessageText(lines.join('\n'), 70);
        expect(parts.join('')).toBe(lines.join('\n'));
        for (const part of parts.slice(0, -1)) {
            expect(part.endsWith('\n')).toBe(true);
            expect(part.length).toBeLessThanOrEqual(70);
        }
    });

    it('falls back to a space, then to a hard cut that never splits a surrogate pair', () => {
        expect(splitMessageText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb ', 'cccc']);
        expect(splitMessageText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
        expect(splitMessageText('abc😀def', 4)).toEqual(['abc', '😀de', 'f']);
    });

    it('loses nothing, keeps the order, respects the limit and never cuts a surrogate pair (property)', () => {
        const pieces = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\t', '😀', 'é', '한'), { maxLength: 300 }).map((list) => list.join(''));
        fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), pieces), fc.integer({ min: 2, max: 60 }), (text, limit) => {
            const parts = splitMessageText(text, limit);
            expect(parts.join('')).toBe(text);
            for (const part of parts) {
                expect(part.length).toBeLessThanOrEqual(limit);
            }
            for (const part of parts.slice(0, -1)) {
                expect(part.length).toBeGreaterThan(0);
            }
            let offset = 0;
            for (const part of parts.slice(0, -1)) {
                offset += part.length;
                const before = text.charCodeAt(offset - 1);
                const after = text.charCodeAt(offset);
                expect(isHighSurrogate(before) && after >= 0xdc00 && after <= 0xdfff).toBe(false);
            }
        }));
    });
});
