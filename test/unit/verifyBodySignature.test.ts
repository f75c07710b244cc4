import { createHmac } from 'crypto';

import { phpJsonEncode, plausibleSerialisations } from '../../src/security/jsonSerialisations';
import { signBody, verifyBodySignature } from '../../src/security/verifyBodySignature';

const SECRET = 'hub-secret-키';
const sign = (raw: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(raw, 'utf8').digest('hex')}`;

/** A Gitple/UChat-like payload with Korean text, an emoji (astral), URLs and control characters. */
const PAYLOAD = {
    triggerId: 'trg-1',
    appCode: 'my-app',
    type: 'send_external_message',
    message: { type: 'text/plain', content: '안녕하세요! 주문 https://shop.example.com/orders/42?x=1 확인 부탁드려요 🙂\n"quoted" \\ tab\t' },
    to: { id: 'u-1', tags: ['vip', '단골'], anonymous: false, score: 12, meta: null },
};

describe('PHP json_encode re-serialisation', () => {
    it('escapes slashes and non-ASCII (lower-case hex, surrogate pairs) like PHP does', () => {
        expect(phpJsonEncode({ url: 'https://a.b/c', text: '한🙂é' })).toBe('{"url":"https:\\/\\/a.b\\/c","text":"\\ud55c\\ud83d\\ude42\\u00e9"}');
    });

    it('writes control characters, quotes and backslashes as JSON escapes, and scalars like PHP', () => {
        expect(phpJsonEncode({ a: '\n\t"\\\u0001', b: true, c: null, d: [1, 2.5], e: {} })).toBe('{"a":"\\n\\t\\"\\\\\\u0001","b":true,"c":null,"d":[1,2.5],"e":{}}');
    });

    it('offers the JavaScript form and the PHP forms, without duplicates', () => {
        const forms = plausibleSerialisations(PAYLOAD);
        expect(forms).toContain(JSON.stringify(PAYLOAD));
        expect(forms).toContain(phpJsonEncode(PAYLOAD));
        expect(new Set(forms).size).toBe(forms.length);
        expect(plausibleSerialisations({ plain: 'ascii only' })).toEqual(['{"plain":"ascii only"}']);
    });
});

describe('verifyBodySignature', () => {
    it('accepts a signature over compact JavaScript JSON (Gitple is Node.js)', () => {
        expect(verifyBodySignature(sign(JSON.stringify(PAYLOAD)), PAYLOAD, SECRET)).toBe(true);
    });

    it('accepts a signature over PHP\'s default json_encode (UChat is PHP), including Korean text and URLs', () => {
        const php = '{"triggerId":"trg-1","appCode":"my-app","type":"send_external_message","message":{"type":"text\\/plain","content":"\\uc548\\ub155\\ud558\\uc138\\uc694! \\uc8fc\\ubb38 https:\\/\\/shop.example.com\\/orders\\/42?x=1 \\ud655\\uc778 \\ubd80\\ud0c1\\ub4dc\\ub824\\uc694 \\ud83d\\ude42\\n\\"quoted\\" \\\\ tab\\t"},"to":{"id":"u-1","tags":["vip","\\ub2e8\\uace8"],"anonymous":false,"score":12,"meta":null}}';
        expect(JSON.parse(php)).toEqual(PAYLOAD);
        expect(verifyBodySignature(sign(php), JSON.parse(php), SECRET)).toBe(true);
    });

    it('accepts upper-case hex and surrounding spaces in the header', () => {
        expect(verifyBodySignature(`  ${sign(JSON.stringify(PAYLOAD)).toUpperCase().replace('SHA256=', 'sha256=')} `, PAYLOAD, SECRET)).toBe(true);
    });

    it('refuses a wrong secret, an altered body, a malformed header or an empty secret', () => {
        const good = sign(JSON.stringify(PAYLOAD));
        expect(verifyBodySignature(sign(JSON.stringify(PAYLOAD), 'other'), PAYLOAD, SECRET)).toBe(false);
        expect(verifyBodySignature(good, { ...PAYLOAD, appCode: 'tampered' }, SECRET)).toBe(false);
        expect(verifyBodySignature(good.replace('sha256=', 'sha1='), PAYLOAD, SECRET)).toBe(false);
        expect(verifyBodySignature(good.slice(0, -2), PAYLOAD, SECRET)).toBe(false);
        expect(verifyBodySignature('', PAYLOAD, SECRET)).toBe(false);
        expect(verifyBodySignature(good, PAYLOAD, '')).toBe(false);
    });

    it('signs exact bytes for outbound requests in the same format', () => {
        expect(signBody('{"a":1}', 's')).toBe(sign('{"a":1}', 's'));
        expect(verifyBodySignature(signBody('{"a":1}', 's'), { a: 1 }, 's')).toBe(true);
    });
});
