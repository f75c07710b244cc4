import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { signatureTokenFrom } from '../../src/platforms/chatday/signatureTokenFrom';

const answer = (fields: Partial<IHttpResponse>): IHttpResponse => ({ url: 'https://x', method: 'get' as IHttpResponse['method'], statusCode: 200, ...fields });

describe('signatureTokenFrom (Chatday\'s undocumented register answer)', () => {
    it('reads any known JSON field, at the top or under data/result', () => {
        expect(signatureTokenFrom(answer({ data: { signature_token: 'a1b2c3d4e5' } }))).toBe('a1b2c3d4e5');
        expect(signatureTokenFrom(answer({ data: { 'Chatday-Signature-Token': 'h1h2h3h4h5' } }))).toBe('h1h2h3h4h5');
        expect(signatureTokenFrom(answer({ data: { status: 'SUCCESS', data: { signatureToken: 'n1n2n3n4n5' } } }))).toBe('n1n2n3n4n5');
        expect(signatureTokenFrom(answer({ content: '{"result":{"token":"c1c2c3c4c5"}}' }))).toBe('c1c2c3c4c5');
    });

    it('prefers a specific field over a generic `token`', () => {
        expect(signatureTokenFrom(answer({ data: { token: 'generic-1234', signature_token: 'specific-123' } }))).toBe('specific-123');
    });

    it('falls back to a response header, then to a bare token-like text body', () => {
        expect(signatureTokenFrom(answer({ data: { ok: true }, headers: { 'Chatday-Signature-Token': 'from-header-1' } }))).toBe('from-header-1');
        expect(signatureTokenFrom(answer({ content: 'bare-token-abcdef\n' }))).toBe('bare-token-abcdef');
    });

    it('reads the body itself when Rocket.Chat left data null (a content type other than JSON)', () => {
        expect(signatureTokenFrom(answer({ data: null, content: '{"signature_token":"t1t2t3t4t5"}' }))).toBe('t1t2t3t4t5');
        expect(signatureTokenFrom(answer({ data: null, content: 'bare-token-ghijkl' }))).toBe('bare-token-ghijkl');
    });

    it('finds nothing in an answer without a token', () => {
        expect(signatureTokenFrom(answer({ data: { status: 'SUCCESS' } }))).toBeUndefined();
        expect(signatureTokenFrom(answer({ content: '<html>error page</html>' }))).toBeUndefined();
        expect(signatureTokenFrom(answer({}))).toBeUndefined();
    });
});
