import { createHmac } from 'crypto';

import { HttpAnswer } from '../support/http';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { isRefusalCount, storedRefusals } from '../support/storedRefusals';

/**
 * Every endpoint against bad input: wrong methods, missing, empty, huge and mistyped bodies,
 * invalid strings, forged or replayed signatures. Each answer is a JSON 4xx naming the
 * problem; nothing is stored but the count of each refusal; no configured secret appears in
 * answers or in the app's logs.
 * Bodies Rocket.Chat's own body parser refuses (JSON that is not an object or an array,
 * unparsable JSON, more than 100 kB) never reach the app: Rocket.Chat answers them itself.
 */
const SECRETS: Record<string, string> = {
    app_secret: SECRET,
    chatday_token: 'cd-token-secret-value',
    chatday_signature_token: 'cd-signature-secret-value',
    closer_webhook_token: 'closer-webhook-secret-value',
    closer_reply_secret: 'closer-reply-secret-value',
    gitple_event_secret: 'gitple-event-secret-value',
    gitple_api_secret: 'gitple-api-secret-value',
    uchat_verification_key: 'uchat-verification-secret-value',
    uchat_flow_api_key: 'uchat-flow-secret-value',
    rapidpro_api_token: 'rapidpro-api-secret-value',
    metrics_token: 'metrics-token-secret-value',
};

const world = new RapidProWorld();
const auth = { Authorization: `Token ${SECRET}` };
const hmac = (raw: string, key: string) => `sha256=${createHmac('sha256', key).update(raw).digest('hex')}`;

interface Case {
    name: string;
    method: string;
    path: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    expect: number;
    /** Answered by Rocket.Chat's body parser before the app (an express error page, not JSON). */
    byServer?: boolean;
}

/** Over every text limit of the app, under Rocket.Chat's 100 kB body limit. */
const HUGE = 'x'.repeat(60 * 1024);
/** Over Rocket.Chat's 100 kB body limit. */
const OVER_LIMIT = 'x'.repeat(1024 * 1024);
const MANY_ATTACHMENTS = Array.from({ length: 1000 }, (_, i) => ({ type: 'image/png', url: `https://rp.example/${i}.png` }));
const LONE_SURROGATE = 'bad \ud800 text';
const FAR_FUTURE = Math.floor(Date.now() / 1000) + 86400;

function mistypes(path: string, base: Record<string, unknown>, fields: Array<string>, method = 'POST'): Array<Case> {
    const wrongValues: Array<unknown> = [true, [1, 2], { nested: { deeper: 1 } }];
    return fields.flatMap((field) => wrongValues.map((value) => {
        const body = JSON.parse(JSON.stringify(base));
        const keys = field.split('.');
        let target = body as Record<string, unknown>;
        keys.slice(0, -1).forEach((key) => {
            target = target[key] as Record<string, unknown>;
        });
        target[keys[keys.length - 1]] = value;
        return { name: `${path}: ${field} = ${JSON.stringify(value)}`, method, path, body, headers: auth, expect: 400 };
    }));
}

function cases(): Array<Case> {
    const signedGitple = (body: unknown): Record<string, string> => ({ 'X-Hub-Signature': hmac(JSON.stringify(body), SECRETS.gitple_event_secret) });
    const gitpleOk = { triggerId: 't', appCode: 'app', type: 'session_state_close', session: { id: 's', userId: 'u' } };
    const uchatOk = { sender_id: 'v', conv_id: 1, text: 'hi', type: 'text', message_type: 'outgoing' };
    return [
        ...['POST', 'DELETE', 'PATCH'].map((method) => ({ name: `settings ${method}`, method, path: 'settings', body: {}, headers: auth, expect: 405 })),
        ...['PUT', 'DELETE'].map((method) => ({ name: `room ${method}`, method, path: 'room', body: {}, headers: auth, expect: 405 })),
        { name: 'room.close PUT', method: 'PUT', path: 'room.close', body: {}, headers: auth, expect: 405 },
        { name: 'visitor-message GET', method: 'GET', path: 'visitor-message', body: {}, headers: auth, expect: 405 },
        { name: 'status POST', method: 'POST', path: 'status', body: {}, headers: auth, expect: 405 },
        { name: 'secret.check DELETE', method: 'DELETE', path: 'secret.check', headers: auth, expect: 405 },
        { name: 'gitple GET', method: 'GET', path: 'gitple', headers: auth, expect: 405 },
        { name: 'closer GET', method: 'GET', path: 'closer', headers: auth, expect: 405 },
        { name: 'chatday.register GET', method: 'GET', path: 'chatday.register', headers: auth, expect: 405 },
        { name: 'uchat.setup GET', method: 'GET', path: 'uchat.setup', headers: auth, expect: 405 },
        { name: 'outbox.retry GET', method: 'GET', path: 'outbox.retry', headers: auth, expect: 405 },
        { name: 'outbox.retry unknown source', method: 'POST', path: 'outbox.retry', body: { source: 'telegram' }, headers: auth, expect: 400 },
        { name: 'outbox.retry unknown field', method: 'POST', path: 'outbox.retry', body: { everything: true }, headers: auth, expect: 400 },
        ...['settings', 'room', 'room.close', 'visitor-message', 'status', 'secret.check', 'chatday.register', 'uchat.setup', 'outbox.retry'].flatMap((path) => [
            { name: `${path} without Authorization`, method: path === 'settings' ? 'PUT' : path === 'status' || path === 'secret.check' ? 'GET' : 'POST', path, body: {}, expect: 401 },
            { name: `${path} with a spaced wrong token`, method: path === 'settings' ? 'PUT' : path === 'status' || path === 'secret.check' ? 'GET' : 'POST', path, body: {}, headers: { Authorization: `Token  ${SECRET}x ` }, expect: 401 },
        ]),
        ...[undefined, [], 'text', 42, null].flatMap((body) => {
            // body-parser's strict JSON takes only objects and arrays
            const byServer = body !== undefined && !Array.isArray(body);
            return [
                { name: `settings body ${JSON.stringify(body)}`, method: 'PUT', path: 'settings', body, headers: auth, expect: 400, byServer },
                { name: `room body ${JSON.stringify(body)}`, method: 'POST', path: 'room', body, headers: auth, expect: 400, byServer },
                { name: `room.close body ${JSON.stringify(body)}`, method: 'POST', path: 'room.close', body, headers: auth, expect: 400, byServer },
                { name: `visitor-message body ${JSON.stringify(body)}`, method: 'POST', path: 'visitor-message', body, headers: auth, expect: 400, byServer },
            ];
        }),
        { name: 'room with a 60 kB name', method: 'POST', path: 'room', body: { ticketID: 'huge', visitor: { token: '1', name: HUGE } }, headers: auth, expect: 400 },
        { name: 'room with a 1 MB body', method: 'POST', path: 'room', body: { ticketID: 'huge', visitor: { token: '1', name: OVER_LIMIT } }, headers: auth, expect: 413, byServer: true },
        { name: 'visitor-message with a 1 MB body', method: 'POST', path: 'visitor-message', body: { visitor: { token: 'bad-input' }, text: OVER_LIMIT }, headers: auth, expect: 413, byServer: true },
        { name: 'chatday with a 1 MB body', method: 'POST', path: 'chatday', body: { message: { type: 'text', data: OVER_LIMIT }, chat_id: 1 }, headers: { 'X-Chatday-Signature-Token': SECRETS.chatday_signature_token }, expect: 413, byServer: true },
        { name: 'room with an invalid string', method: 'POST', path: 'room', body: { ticketID: 'bad-text', visitor: { token: '1', name: LONE_SURROGATE } }, headers: auth, expect: 400 },
        { name: 'settings with a javascript: URL', method: 'PUT', path: 'settings', body: { webhook: { url: 'javascript:alert(1)' } }, headers: auth, expect: 400 },
        { name: 'settings with a 3,000-character URL', method: 'PUT', path: 'settings', body: { webhook: { url: `https://rp.example/${'a'.repeat(3000)}` } }, headers: auth, expect: 400 },
        { name: 'visitor-message with 60 kB of text', method: 'POST', path: 'visitor-message', body: { visitor: { token: 'bad-input' }, text: HUGE }, headers: auth, expect: 400 },
        { name: 'visitor-message with 1,000 attachments', method: 'POST', path: 'visitor-message', body: { visitor: { token: 'bad-input' }, attachments: MANY_ATTACHMENTS }, headers: auth, expect: 400 },
        { name: 'visitor-message with an invalid string', method: 'POST', path: 'visitor-message', body: { visitor: { token: 'bad-input' }, text: LONE_SURROGATE }, headers: auth, expect: 400 },
        { name: 'visitor-message with unparsable JSON', method: 'POST', path: 'visitor-message', rawBody: '{"visitor":', headers: { ...auth, 'content-type': 'application/json' }, expect: 400, byServer: true },
        ...mistypes('room', { ticketID: 'typed', visitor: { token: 'typed', name: 'n', email: 'e@x', phone: '1', department: 'Support', customFields: { a: 'b' } }, sessionStart: '2020-01-01T00:00:00Z', priority: 'high' },
            ['ticketID', 'visitor', 'visitor.token', 'visitor.name', 'visitor.email', 'visitor.phone', 'visitor.department', 'visitor.customFields', 'sessionStart', 'priority']),
        ...mistypes('visitor-message', { visitor: { token: 'bad-input' }, text: 'x', attachments: [{ type: 'image/png', url: 'https://rp.example/a.png' }] },
            ['visitor', 'visitor.token', 'text', 'attachments', 'attachments.0', 'attachments.0.url', 'attachments.0.type']),
        ...mistypes('room.close', { visitor: { token: 'bad-input' } }, ['visitor', 'visitor.token']),
        ...mistypes('settings', { webhook: { url: 'https://rp.example/cb' } }, ['webhook', 'webhook.url'], 'PUT'),
        { name: 'gitple unsigned', method: 'POST', path: 'gitple', body: gitpleOk, expect: 401 },
        { name: 'gitple replayed signature, altered body', method: 'POST', path: 'gitple', body: { ...gitpleOk, type: 'session_state_open' }, headers: signedGitple(gitpleOk), expect: 401 },
        { name: 'gitple signed but missing fields', method: 'POST', path: 'gitple', body: { appCode: 'app' }, headers: signedGitple({ appCode: 'app' }), expect: 400 },
        { name: 'gitple signed but session missing', method: 'POST', path: 'gitple', body: { ...gitpleOk, session: undefined }, headers: signedGitple({ ...gitpleOk, session: undefined }), expect: 400 },
        { name: 'chatday wrong signature token', method: 'POST', path: 'chatday', body: { message: { type: 'text', data: 'x' }, chat_id: 1 }, headers: { 'X-Chatday-Signature-Token': 'nope' }, expect: 401 },
        { name: 'chatday message not an object', method: 'POST', path: 'chatday', body: { message: 5, chat_id: 1 }, headers: { 'X-Chatday-Signature-Token': SECRETS.chatday_signature_token }, expect: 400 },
        { name: 'chatday chat_id mistyped', method: 'POST', path: 'chatday', body: { message: { type: 'text', data: 'x' }, chat_id: {} }, headers: { 'X-Chatday-Signature-Token': SECRETS.chatday_signature_token }, expect: 400 },
        { name: 'chatday 60 kB text', method: 'POST', path: 'chatday', body: { message: { type: 'text', data: HUGE }, chat_id: 1 }, headers: { 'X-Chatday-Signature-Token': SECRETS.chatday_signature_token }, expect: 400 },
        { name: 'chatday invalid string', method: 'POST', path: 'chatday', body: { message: { type: 'text', data: LONE_SURROGATE }, chat_id: 1 }, headers: { 'X-Chatday-Signature-Token': SECRETS.chatday_signature_token }, expect: 400 },
        { name: 'uchat replayed signature, altered body', method: 'POST', path: 'uchat', body: { ...uchatOk, text: 'changed' }, headers: { 'X-Hub-Signature-256': hmac(JSON.stringify(uchatOk), SECRETS.uchat_verification_key) }, expect: 401 },
        { name: 'uchat signed without sender', method: 'POST', path: 'uchat', body: { conv_id: 1 }, headers: { 'X-Hub-Signature-256': hmac(JSON.stringify({ conv_id: 1 }), SECRETS.uchat_verification_key) }, expect: 400 },
        { name: 'uchat hub verification with a wrong token', method: 'GET', path: 'uchat?hub_mode=subscribe&hub_verify_token=guess&hub_challenge=c', expect: 403 },
        { name: 'closer without token', method: 'POST', path: 'closer', body: { type: 'message_received' }, expect: 401 },
        { name: 'closer with a wrong token', method: 'POST', path: 'closer?token=guess', body: { type: 'message_received' }, expect: 401 },
        { name: 'closer body not an object', method: 'POST', path: `closer?token=${SECRETS.closer_webhook_token}`, body: ['x'], expect: 400 },
        { name: 'file link with a forged signature', method: 'GET', path: `file?upload=UPLOAD1&expires=${FAR_FUTURE}&signature=${'A'.repeat(43)}&name=a.pdf`, expect: 403 },
        { name: 'file link expired', method: 'GET', path: `file?upload=UPLOAD1&expires=1000000000&signature=${'A'.repeat(43)}&name=a.pdf`, expect: 410 },
        { name: 'file link with a malformed expiry', method: 'GET', path: `file?upload=UPLOAD1&expires=tomorrow&signature=${'A'.repeat(43)}&name=a.pdf`, expect: 400 },
        { name: 'file link with a malformed upload id', method: 'GET', path: `file?upload=${encodeURIComponent('../etc')}&expires=${FAR_FUTURE}&signature=${'A'.repeat(43)}&name=a.pdf`, expect: 400 },
        { name: 'file link POST', method: 'POST', path: `file?upload=UPLOAD1&expires=${FAR_FUTURE}&signature=${'A'.repeat(43)}&name=a.pdf`, body: {}, expect: 405 },
        { name: 'metrics POST', method: 'POST', path: 'metrics', body: {}, headers: { Authorization: `Bearer ${SECRETS.metrics_token}` }, expect: 405 },
        { name: 'metrics without Authorization', method: 'GET', path: 'metrics', expect: 401 },
        { name: 'metrics with a wrong bearer token', method: 'GET', path: 'metrics', headers: { Authorization: `Bearer ${SECRETS.metrics_token}x` }, expect: 401 },
        { name: 'metrics with the App Secret', method: 'GET', path: 'metrics', headers: auth, expect: 401 },
    ];
}

/** Whose endpoint a path is, as the app counts its refusals. */
const SOURCE_OF_PATH: Record<string, string> = {
    settings: 'rapidpro', room: 'rapidpro', 'room.close': 'rapidpro', 'visitor-message': 'rapidpro', 'secret.check': 'rapidpro',
    gitple: 'gitple', chatday: 'chatday', 'chatday.register': 'chatday', uchat: 'uchat', 'uchat.setup': 'uchat', closer: 'closer',
    status: 'app', 'outbox.retry': 'app', metrics: 'app', file: 'app',
};

/** The reason a refusal answered with this status is counted under (other statuses are not refusals). */
const REASON_OF_STATUS: Record<number, string> = { 400: 'bad-input', 401: 'bad-credentials', 403: 'bad-credentials', 405: 'wrong-method', 415: 'unsupported-media-type' };

function snapshot(): string {
    const records = [...world.host.store.persistence.values()].filter((record) => record.appId === world.appId && !isRefusalCount(record.associations)).map((record) => record.id).sort();
    const messages = [...world.host.store.messages.values()].reduce((sum, list) => sum + list.length, 0);
    return JSON.stringify({ records, messages, rooms: world.host.store.rooms.size, visitors: world.host.store.visitors.size });
}

describe('bad input on every endpoint', () => {
    const answers: Array<{ name: string; path: string; answer: HttpAnswer; expected: number; byServer?: boolean }> = [];
    let before = '';
    let after = '';

    beforeAll(async () => {
        await world.start();
        await world.host.setSetting(world.appId, 'closer_reply_url', 'http://127.0.0.1:9/relay');
        for (const [id, value] of Object.entries(SECRETS)) {
            await world.host.setSetting(world.appId, id, value);
        }
        for (const flag of ['gitple_enabled', 'chatday_enabled', 'closer_enabled', 'uchat_enabled']) {
            await world.host.setSetting(world.appId, flag, true);
        }
        await world.host.setSetting(world.appId, 'uchat_bot_url', 'http://127.0.0.1:9/bot');
        await world.host.setSetting(world.appId, 'uchat_department', 'Support');
        await world.openTicket('bad-input-ticket', 'bad-input');
        await world.host.events.settle();
        before = snapshot();
        for (const testCase of cases()) {
            const answer = testCase.rawBody !== undefined
                ? await (await import('../support/http')).httpCall(`${world.base}/${testCase.path}`, { method: testCase.method, headers: testCase.headers, rawBody: testCase.rawBody })
                : await world.call(testCase.method, testCase.path, testCase.body, testCase.headers ?? {});
            answers.push({ name: testCase.name, path: testCase.path.split('?')[0], answer, expected: testCase.expect, byServer: testCase.byServer });
        }
        await world.host.events.settle();
        after = snapshot();
    }, 120000);
    afterAll(() => world.stop());

    it('answers each with the expected 4xx and a JSON error a person can act on (Rocket.Chat answers what its body parser refuses)', () => {
        const wrong = answers.filter(({ answer, expected, byServer }) => answer.status !== expected || (!byServer && (typeof answer.json?.error !== 'string' || answer.json.error.length < 8)));
        expect(wrong.map(({ name, answer, expected }) => `${name}: expected ${expected}, got ${answer.status} ${answer.text.slice(0, 120)}`)).toEqual([]);
        expect(answers.length).toBeGreaterThan(100);
    });

    it('names the offending field in 400 answers about a field', () => {
        const fieldCases = answers.filter(({ name, expected }) => expected === 400 && name.includes(' = '));
        for (const { name, answer } of fieldCases) {
            const field = name.split(': ')[1].split(' = ')[0].split('.').filter((part) => !/^\d+$/.test(part)).pop()!;
            expect(`${name} → ${answer.json.error}`).toContain(field);
        }
    });

    it('stores nothing but the counts of the refusals', () => {
        expect(after).toBe(before);
    });

    it('counts each refusal it answered under its endpoint\'s source and reason, and nothing Rocket.Chat answered itself', () => {
        const expected: Record<string, number> = {};
        for (const { path, answer, byServer } of answers) {
            const reason = REASON_OF_STATUS[answer.status];
            if (!byServer && reason) {
                const key = `${SOURCE_OF_PATH[path]} ${reason}`;
                expected[key] = (expected[key] ?? 0) + 1;
            }
        }
        expect(Object.keys(expected).length).toBeGreaterThan(10);
        expect(storedRefusals(world.host, world.appId)).toEqual(expected);
    });

    it('never shows a configured secret in an answer', () => {
        for (const { name, answer } of answers) {
            for (const secret of Object.values(SECRETS)) {
                expect(`${name}: ${answer.text}`).not.toContain(secret);
            }
        }
    });

    it('never writes a configured secret into the app\'s own log lines', () => {
        // The engine's Deno runtime writes its own lines into the app's log: each endpoint call's
        // request, headers included ("<path>'s api:<path>:<method> is being executed..."), and
        // records of its calls into the app, setting values included (JSON on 1.62, "'<method>' was
        // successfully called! The result is: …" before). Those are the engine's, not the app's,
        // and are left out here (the host marks them, isEngineLogLine); see the README's Security notes.
        const ownLines = world.host.appLogLines(world.appId).filter((line) => !line.byEngine);
        expect(ownLines.length).toBeGreaterThan(0);
        for (const line of ownLines) {
            for (const secret of Object.values(SECRETS)) {
                expect(line.text).not.toContain(secret);
            }
        }
    });
});
