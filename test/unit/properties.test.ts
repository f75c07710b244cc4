import { createHmac } from 'crypto';
import * as fc from 'fast-check';

import { HttpError } from '../../src/http/HttpError';
import { absoluteUrl } from '../../src/outbound/absoluteUrl';
import { backoffDelayMs } from '../../src/outbox/retryPolicy';
import { gitpleContent } from '../../src/platforms/gitple/gitpleContent';
import { parseOpenTicket } from '../../src/platforms/rapidpro/parseOpenTicket';
import { parseVisitorMessage } from '../../src/platforms/rapidpro/parseVisitorMessage';
import { chosenButton } from '../../src/platforms/uchat/handoverWords';
import { uchatConversationId } from '../../src/platforms/uchat/uchatConversationId';
import { constantTimeEqual } from '../../src/security/constantTimeEqual';
import { phpJsonEncode } from '../../src/security/jsonSerialisations';
import { verifyBodySignature } from '../../src/security/verifyBodySignature';

/** Property-based checks (fast-check) of parsers, signatures and key round-trips. */

const jsonValue = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<unknown>;
const sign = (raw: string, secret: string) => `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`;

/** Parsers either return a value or throw an HttpError 400: never anything else, whatever the input. */
function onlyBadRequest(parse: (body: unknown) => unknown): (body: unknown) => void {
    return (body) => {
        try {
            parse(body);
        } catch (error) {
            expect(error).toBeInstanceOf(HttpError);
            expect((error as HttpError).status).toBe(400);
        }
    };
}

describe('properties', () => {
    it('the RapidPro parsers answer any JSON with a value or a 400, never a crash', () => {
        fc.assert(fc.property(jsonValue, onlyBadRequest(parseOpenTicket)), { numRuns: 500 });
        fc.assert(fc.property(jsonValue, onlyBadRequest(parseVisitorMessage)), { numRuns: 500 });
        const ticketish = fc.record({ ticketID: jsonValue, visitor: fc.record({ token: jsonValue, name: jsonValue, customFields: jsonValue }, { requiredKeys: [] }) }, { requiredKeys: [] });
        fc.assert(fc.property(ticketish, onlyBadRequest(parseOpenTicket)), { numRuns: 500 });
    });

    it('a valid ticket round-trips its ticketID and token (trimmed), whichever spelling carried them', () => {
        const text = fc.string({ minLength: 1, maxLength: 50 }).filter((value) => value.trim() !== '');
        fc.assert(fc.property(text, text, fc.boolean(), (ticket, token, seedSpelling) => {
            const body = seedSpelling ? { ticketId: ticket, visitor: { token } } : { ticketID: ticket, visitor: { token } };
            const parsed = parseOpenTicket(body);
            expect(parsed.ticketID).toBe(ticket.trim());
            expect(parsed.visitor.token).toBe(token.trim());
        }));
    });

    it('signatures over JavaScript JSON and PHP json_encode of any object verify, and fail for any other secret', () => {
        const objectValue = fc.dictionary(fc.string({ maxLength: 10 }).filter((key) => !/^\d+$/.test(key)), jsonValue, { maxKeys: 6 });
        fc.assert(fc.property(objectValue, fc.string({ minLength: 1, maxLength: 30 }), fc.boolean(), (body, secret, php) => {
            const raw = php ? phpJsonEncode(body) : JSON.stringify(body);
            expect(JSON.parse(raw)).toEqual(JSON.parse(JSON.stringify(body)));
            expect(verifyBodySignature(sign(raw, secret), JSON.parse(raw), secret)).toBe(true);
            expect(verifyBodySignature(sign(raw, `${secret}x`), JSON.parse(raw), secret)).toBe(false);
        }), { numRuns: 300 });
    });

    it('constant-time comparison agrees with equality', () => {
        fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
            expect(constantTimeEqual(a, b)).toBe(a === b);
            expect(constantTimeEqual(a, a)).toBe(true);
        }));
    });

    it('UChat conversation ids are stable safe integers per room id', () => {
        fc.assert(fc.property(fc.string({ minLength: 1 }), (roomId) => {
            const id = uchatConversationId(roomId);
            expect(Number.isSafeInteger(id) && id >= 0).toBe(true);
            expect(uchatConversationId(roomId)).toBe(id);
        }));
    });

    it('a numbered answer always picks that button', () => {
        const choice = fc.record({ title: fc.string({ minLength: 1, maxLength: 20 }), payload: fc.string({ maxLength: 20 }) });
        fc.assert(fc.property(fc.array(choice, { minLength: 1, maxLength: 9 }), fc.nat(), (choices, pick) => {
            const index = pick % choices.length;
            expect(chosenButton(String(index + 1), choices)).toEqual(choices[index]);
        }));
    });

    it('Gitple content keeps every string piece and every link, whatever the nesting', () => {
        const leaf = fc.oneof(fc.string({ maxLength: 10 }), fc.webUrl().map((u) => ({ l: { u, m: 'image/png' } })), fc.string({ maxLength: 4 }).map((alt) => ({ e: { alt } })));
        fc.assert(fc.property(fc.array(leaf, { maxLength: 8 }), (pieces) => {
            const out = gitpleContent(pieces);
            const texts = pieces.map((piece) => (typeof piece === 'string' ? piece : 'e' in piece ? piece.e.alt : '')).join('');
            expect(out.text).toBe(texts);
            expect(out.files.map((file) => file.url)).toEqual(pieces.filter((piece) => typeof piece === 'object' && 'l' in piece).map((piece) => (piece as { l: { u: string } }).l.u));
        }));
    });

    it('absolute URLs always have exactly one slash between Site_Url and the path', () => {
        const slashes = fc.string({ maxLength: 3 }).map((value) => value.replace(/[^/]/g, '/'));
        fc.assert(fc.property(slashes, slashes, fc.stringMatching(/^[a-z0-9_-]{1,20}$/), (trailing, leading, path) => {
            expect(absoluteUrl(`https://chat.example.com${trailing}`, `${leading}file-upload/${path}`)).toBe(`https://chat.example.com/file-upload/${path}`);
        }));
    });

    it('retry delays never exceed five minutes and never go below three quarters of the base', () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 600000 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, base, random) => {
            const delay = backoffDelayMs(attempt, base, () => random);
            expect(delay).toBeLessThanOrEqual(300000);
            expect(delay).toBeGreaterThanOrEqual(Math.min(300000, base) * 0.75 - 1);
        }));
    });
});
