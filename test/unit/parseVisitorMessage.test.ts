import { MAX_ATTACHMENTS, parseVisitorMessage } from '../../src/platforms/rapidpro/parseVisitorMessage';
import { MAX_TEXT_LENGTH } from '../../src/validation/fields';
import { badRequest } from '../support/badRequest';


const visitor = { token: 'tok-1' };

describe('parseVisitorMessage', () => {
    it('accepts text only', () => {
        expect(parseVisitorMessage({ visitor, text: 'Hello there' })).toEqual({ token: 'tok-1', text: 'Hello there', attachments: [] });
    });

    it('keeps the text as sent (not trimmed)', () => {
        expect(parseVisitorMessage({ visitor, text: '  spaced  \n' }).text).toBe('  spaced  \n');
    });

    it('accepts attachments only', () => {
        const parsed = parseVisitorMessage({ visitor, attachments: [{ url: 'https://files.example.com/a.jpg', type: 'image/jpeg' }] });
        expect(parsed).toEqual({ token: 'tok-1', text: '', attachments: [{ url: 'https://files.example.com/a.jpg', type: 'image/jpeg' }] });
    });

    it('accepts text and attachments together, keeping their order', () => {
        const parsed = parseVisitorMessage({
            visitor,
            text: 'see files',
            attachments: [
                { url: 'http://rapidpro:8000/media/a.ogg', type: 'audio/ogg' },
                { url: 'https://files.example.com/b.pdf', type: 'application/pdf' },
            ],
        });
        expect(parsed.text).toBe('see files');
        expect(parsed.attachments).toEqual([
            { url: 'http://rapidpro:8000/media/a.ogg', type: 'audio/ogg' },
            { url: 'https://files.example.com/b.pdf', type: 'application/pdf' },
        ]);
    });

    it('treats null text and null attachments as absent', () => {
        expect(parseVisitorMessage({ visitor, text: null, attachments: [{ url: 'https://x.example/a' }] }).text).toBe('');
        expect(parseVisitorMessage({ visitor, text: 'hi', attachments: null }).attachments).toEqual([]);
    });

    it('defaults a missing attachment type to application/octet-stream', () => {
        const parsed = parseVisitorMessage({ visitor, attachments: [{ url: 'https://x.example/blob' }, { url: 'https://x.example/b2', type: '  ' }] });
        expect(parsed.attachments.map((a) => a.type)).toEqual(['application/octet-stream', 'application/octet-stream']);
    });

    it('rejects a message with neither text nor attachments', () => {
        for (const body of [{ visitor }, { visitor, text: '' }, { visitor, text: '   \n ' }, { visitor, attachments: [] }, { visitor, text: ' ', attachments: [] }]) {
            const error = badRequest(() => parseVisitorMessage(body));
            expect(error.message).toContain('text');
            expect(error.message).toContain('attachments');
        }
    });

    it('rejects text that is not a string', () => {
        for (const text of [42, true, { body: 'hi' }, ['hi']]) {
            expect(badRequest(() => parseVisitorMessage({ visitor, text })).message).toContain('"text"');
        }
    });

    it('accepts text of exactly MAX_TEXT_LENGTH characters and rejects one more', () => {
        expect(parseVisitorMessage({ visitor, text: 'a'.repeat(MAX_TEXT_LENGTH) }).text).toHaveLength(MAX_TEXT_LENGTH);
        const error = badRequest(() => parseVisitorMessage({ visitor, text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }));
        expect(error.message).toContain('"text"');
        expect(error.message).toContain(String(MAX_TEXT_LENGTH));
    });

    it('rejects attachments that are not a list', () => {
        for (const attachments of ['https://x.example/a.jpg', { url: 'https://x.example/a.jpg' }, 3]) {
            expect(badRequest(() => parseVisitorMessage({ visitor, text: 'hi', attachments })).message).toContain('"attachments"');
        }
    });

    it('accepts MAX_ATTACHMENTS attachments and rejects one more', () => {
        const many = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `https://x.example/${i}.png`, type: 'image/png' }));
        expect(parseVisitorMessage({ visitor, attachments: many(MAX_ATTACHMENTS) }).attachments).toHaveLength(MAX_ATTACHMENTS);
        const error = badRequest(() => parseVisitorMessage({ visitor, attachments: many(MAX_ATTACHMENTS + 1) }));
        expect(error.message).toContain('"attachments"');
        expect(error.message).toContain(String(MAX_ATTACHMENTS));
    });

    it('rejects an attachment that is not an object, naming its index', () => {
        expect(badRequest(() => parseVisitorMessage({ visitor, attachments: [{ url: 'https://x.example/a' }, 'https://x.example/b'] })).message).toContain('attachments[1]');
    });

    it('rejects an attachment without url, naming attachments[i].url', () => {
        expect(badRequest(() => parseVisitorMessage({ visitor, attachments: [{ type: 'image/png' }] })).message).toContain('attachments[0].url');
        expect(badRequest(() => parseVisitorMessage({ visitor, attachments: [{ url: 'https://x.example/a' }, { url: '', type: 'image/png' }] })).message).toContain('attachments[1].url');
    });

    it('rejects non-http attachment urls, naming attachments[i].url', () => {
        const ftp = badRequest(() => parseVisitorMessage({ visitor, attachments: [{ url: 'ftp://files.example.com/a.png' }] }));
        expect(ftp.message).toContain('attachments[0].url');
        expect(ftp.message).toContain('ftp');
        const js = badRequest(() => parseVisitorMessage({ visitor, attachments: [{ url: 'https://x.example/ok' }, { url: 'javascript:alert(1)' }] }));
        expect(js.message).toContain('attachments[1].url');
        const relative = badRequest(() => parseVisitorMessage({ visitor, attachments: [{ url: '/media/a.png' }] }));
        expect(relative.message).toContain('attachments[0].url');
    });

    it('checks the visitor token first', () => {
        expect(badRequest(() => parseVisitorMessage({ text: 'hi' })).message).toContain('visitor');
        expect(badRequest(() => parseVisitorMessage({ visitor: {}, text: 'hi' })).message).toContain('visitor.token');
    });

    it('rejects a body that is not a JSON object', () => {
        for (const body of [null, 'hi', [], [{ visitor, text: 'hi' }]]) {
            expect(badRequest(() => parseVisitorMessage(body)).message).toContain('request body');
        }
    });
});
