import { createHmac } from 'crypto';

import { phpJsonEncode } from '../../src/security/jsonSerialisations';
import { RecordedRequest } from '../fakes/RecordingServer';
import { bridgeContract,BridgeDriver } from '../support/bridgeContract';
import { BridgeWorld } from '../support/BridgeWorld';
import { deliveredAfterFailure } from '../support/deliveredAfterFailure';
import { signedLinkPattern, throughDoor } from '../support/signedLinks';
import { waitFor } from '../support/waitFor';

const SECRET = 'gitple-event-secret-ㄱ';
const APP_CODE = 'acme-shop';
const API_SECRET = 'gitple-open-api-secret';

const world = new BridgeWorld();

/** The fake Open API's data: session id → messages, user id → profile. */
const sessions = new Map<string, Array<Record<string, unknown>>>();
const users = new Map<string, Record<string, unknown>>();
let trigger = 0;

function gitpleEvent(body: Record<string, unknown>, options: { secret?: string; php?: boolean; signature?: string } = {}) {
    const raw = options.php ? phpJsonEncode(body) : JSON.stringify(body);
    const signature = options.signature ?? `sha256=${createHmac('sha256', options.secret ?? SECRET).update(raw).digest('hex')}`;
    return world.request('POST', 'gitple', { rawBody: raw, headers: { 'content-type': 'application/json', 'X-Hub-Signature': signature } });
}

function sessionEvent(type: string, conversation: string, extra: Record<string, unknown> = {}, triggerId = `trg-${++trigger}`) {
    return {
        triggerId, ctime: new Date().toISOString(), appCode: APP_CODE, type,
        session: { id: `s-${conversation}`, openTime: '2019-04-29T08:57:15.878Z', inprogressTime: '2019-04-29T08:57:15.943Z', reason: 'userCancel', userId: `u-${conversation}`, assigneeType: 'agent', assigneeId: 'agent-7', categories: ['주문'], tags: ['vip'], note: 'call back', ...extra },
    };
}

function addLine(conversation: string, line: Record<string, unknown>): void {
    const list = sessions.get(`s-${conversation}`) ?? [];
    list.push(line);
    sessions.set(`s-${conversation}`, list);
}

const isHook = (request: RecordedRequest, conversation: string) => request.path === '/v1/hooks' && request.body?.identifier === `id-${conversation}`;

const driver: BridgeDriver = {
    enabledSetting: 'gitple_enabled',
    successStatus: 200,
    acceptsCloses: false,
    async configure(w) {
        await w.settings({ gitple_enabled: true, gitple_event_secret: SECRET, gitple_app_code: APP_CODE, gitple_api_secret: API_SECRET, gitple_api_url: w.platform.origin });
    },
    async openConversation(w, conversation) {
        users.set(`u-${conversation}`, { name: `고객 ${conversation}`, email: `${conversation}@example.com`, identifier: `id-${conversation}` });
        expect((await gitpleEvent(sessionEvent('session_state_open', conversation))).status).toBe(200);
    },
    userMessage(_w, conversation, text, id) {
        addLine(conversation, { id, senderType: 'user', senderId: `u-${conversation}`, content: text, ctime: new Date().toISOString() });
        return gitpleEvent(sessionEvent('session_state_inprogress', conversation, {}, `trg-for-${id}`));
    },
    forgedUserMessage: (_w, conversation, text, id) => {
        addLine(conversation, { id, senderType: 'user', content: text, ctime: new Date().toISOString() });
        return gitpleEvent(sessionEvent('session_state_inprogress', conversation), { secret: 'not-the-secret' });
    },
    visitorToken: (conversation) => `gitple:${APP_CODE}:u-${conversation}`,
    replyText: (request, conversation) => (isHook(request, conversation) ? request.body.content.find((part: { t?: string }) => part.t !== undefined)?.t : undefined),
    concerns: (request, conversation) => isHook(request, conversation),
    isCloseNotice: () => false,
    closeFromPlatform: async (_w, conversation) => {
        expect((await gitpleEvent(sessionEvent('session_state_close', conversation))).status).toBe(200);
    },
};

/** Gitple's Open API on the fake server: a user's profile, and a session's messages paged two at a time with a relative `next`. */
function openApi(request: RecordedRequest) {
    if (world.platform.behaviour.kind !== 'ok') {
        return undefined;
    }
    if (request.headers['app-code'] !== APP_CODE || request.headers.secret !== API_SECRET) {
        return { status: 401, body: { error: 'Unauthorized' } };
    }
    const user = /^\/v1\/exports\/users\/([^/]+)$/.exec(request.path);
    if (user) {
        return users.has(user[1]) ? { status: 200, body: users.get(user[1]) } : { status: 404, body: { error: 'no user' } };
    }
    const session = decodeURIComponent(request.path.split('/')[4]);
    const all = sessions.get(session) ?? [];
    const page = Number(request.query.get('page') ?? 1);
    const slice = [...all].reverse().slice((page - 1) * 2, page * 2);
    const next = page * 2 < all.length ? `${request.path}?page=${page + 1}` : null;
    return { status: 200, body: page === 1 ? { data: slice, next } : { items: slice, next } };
}

beforeAll(async () => {
    await world.start();
    world.platform.routeMatching(/^\/v1\/exports\//, openApi);
});
afterAll(() => world.stop());

bridgeContract('Gitple', world, driver);

describe('Gitple specifics', () => {
    let n = 0;
    const conversation = () => `spec-${++n}`;

    it('opens the room with the Open API profile, then the session\'s lines: user lines as the visitor, others as context; links and emoji', async () => {
        const c = conversation();
        users.set(`u-${c}`, { name: '김민지', email: 'minji@example.com', phone: '+82-10-1234-5678', identifier: `id-${c}` });
        addLine(c, { id: 'm3', senderType: 'user', content: [{ l: { u: 'https://files.gitple.io/a/receipt.pdf', m: 'application/pdf' } }], ctime: '2019-04-29T08:58:03Z' });
        addLine(c, { id: 'm1', senderType: 'bot', content: '안녕하세요! 무엇을 도와드릴까요?', ctime: '2019-04-29T08:57:16Z' });
        addLine(c, { id: 'm2', senderType: 'user', content: ['환불 문의요 ', { e: { alt: '🙏' } }], ctime: '2019-04-29T08:57:40Z' });
        addLine(c, { id: 'm4', senderType: 'sys', content: 'Session queued', ctime: '2019-04-29T08:58:10Z' });
        addLine(c, { id: 'm2', senderType: 'user', content: ['환불 문의요 ', { e: { alt: '🙏' } }], ctime: '2019-04-29T08:57:40Z' });
        expect((await gitpleEvent(sessionEvent('session_state_open', c))).status).toBe(200);
        const room = world.openRoomOf(`gitple:${APP_CODE}:u-${c}`)!;
        expect(room.visitor.name).toBe('김민지');
        const lines = world.messages(room.id).filter((message) => !message.type);
        expect(lines.map((message) => message.text)).toEqual([
            'Contact details: phone +82-10-1234-5678, email minji@example.com',
            expect.stringContaining('Gitple session s-' + c),
            '*Gitple bot:* 안녕하세요! 무엇을 도와드릴까요?',
            '환불 문의요 🙏',
            '',
            '*Gitple:* Session queued',
        ]);
        expect((lines[3] as { token?: string }).token).toBe(room.visitor.token);
        expect(lines[4].attachments?.[0].title?.link).toBe('https://files.gitple.io/a/receipt.pdf');
        expect(lines[2].sender.username).toBe('tickets.bot');
        expect(room.visitor.visitorEmails ?? []).toEqual([]);
    });

    it('opens the room on session_state_inprogress when none exists, and adds the assignee as context', async () => {
        const c = conversation();
        addLine(c, { id: 'x1', senderType: 'user', content: 'hello', ctime: '2019-04-29T08:57:40Z' });
        expect((await gitpleEvent(sessionEvent('session_state_inprogress', c), { php: true })).status).toBe(200);
        const room = world.openRoomOf(`gitple:${APP_CODE}:u-${c}`)!;
        const texts = world.messages(room.id).map((message) => message.text);
        expect(texts).toContain('hello');
        expect(texts.some((text) => text?.includes('assigned in Gitple to agent agent-7'))).toBe(true);
        expect(room.visitor.name).toBe(`Gitple user u-${c}`);
    });

    it('closes the room with Gitple\'s reason', async () => {
        const c = conversation();
        await gitpleEvent(sessionEvent('session_state_open', c));
        const room = world.openRoomOf(`gitple:${APP_CODE}:u-${c}`)!;
        await gitpleEvent(sessionEvent('session_state_close', c, { reason: 'agentClose' }));
        expect(world.host.store.rooms.get(room.id)?.isOpen).toBeUndefined();
        expect(world.messages(room.id).find((message) => message.type === 'livechat-close')?.text).toContain('agentClose');
    });

    it('shows send_external_message as the Gitple agent\'s context line, opening a room for `to` if needed', async () => {
        const answer = await gitpleEvent({
            triggerId: `trg-ext-${++trigger}`, ctime: '2019-04-29T08:57:15.878Z', appCode: APP_CODE, type: 'send_external_message',
            from: { type: 'agent', id: 'agent_query_id' },
            to: { type: 'user', id: 'ext-user', identifier: 'integrated_user_id', anonymous: false, name: '이수진', email: 'sj@example.com', phone: '010', lang: 'ko', groups: [], tags: [], meta: {} },
            message: { type: 'text/plain', content: '주문하신 상품이 발송되었습니다' },
        });
        expect(answer.status).toBe(200);
        const room = world.openRoomOf(`gitple:${APP_CODE}:ext-user`)!;
        expect(room.visitor.name).toBe('이수진');
        expect(world.messages(room.id).map((message) => message.text)).toContain('*Gitple agent agent_query_id:* 주문하신 상품이 발송되었습니다');
        world.host.agentMessage(room.id, 'agent', '감사합니다', [{ name: 'invoice.pdf', type: 'application/pdf', data: Buffer.from('%PDF-invoice') }]);
        const [hook] = await waitFor('the hook', () => world.platform.requests('/v1/hooks').filter((request) => request.body?.identifier === 'integrated_user_id').length > 0 && world.platform.requests('/v1/hooks').filter((request) => request.body?.identifier === 'integrated_user_id'));
        expect(hook.headers['app-code']).toBe(APP_CODE);
        expect(hook.headers.secret).toBe(API_SECRET);
        expect(hook.body).toEqual({
            type: 'message', identifier: 'integrated_user_id', anonymous: false, lang: 'ko',
            content: [{ t: '감사합니다' }, { l: { u: expect.stringMatching(signedLinkPattern('https://chat.example.test', world.appId, 'invoice.pdf')), m: 'application/pdf' } }],
        });
        // Gitple holds no Rocket.Chat credentials: the signed link opens without them
        const file = await throughDoor(world, hook.body.content[1].l.u);
        expect(file.status).toBe(200);
        expect(file.body.toString()).toBe('%PDF-invoice');
    });

    it('refuses another app code (401) and bad signatures in either form (401), changing nothing', async () => {
        const c = conversation();
        const other = { ...sessionEvent('session_state_open', c), appCode: 'someone-else' };
        expect((await gitpleEvent(other)).status).toBe(401);
        expect((await gitpleEvent(sessionEvent('session_state_open', c), { php: true, secret: 'wrong' })).status).toBe(401);
        expect((await gitpleEvent(sessionEvent('session_state_open', c), { signature: 'sha256=00' })).status).toBe(401);
        expect(world.roomsOf(`gitple:${APP_CODE}:u-${c}`)).toHaveLength(0);
    });

    it('answers 502 and changes nothing while the Open API is down; the retried event then works', async () => {
        const c = conversation();
        addLine(c, { id: 'd1', senderType: 'user', content: 'are you there', ctime: '2019-04-29T08:57:40Z' });
        world.platform.behaviour = { kind: 'status', status: 503 };
        const event = sessionEvent('session_state_open', c);
        const down = await gitpleEvent(event);
        world.platform.behaviour = { kind: 'ok' };
        expect(down.status).toBe(502);
        expect(down.json.error).toMatch(/Gitple/);
        expect(world.roomsOf(`gitple:${APP_CODE}:u-${c}`)).toHaveLength(0);
        expect((await gitpleEvent(event)).status).toBe(200);
        expect(world.visibleMessages(`gitple:${APP_CODE}:u-${c}`).map((message) => message.text)).toContain('are you there');
    });

    it('answers 409 naming gitple_api_url when the Open API secret is set without it, and changes nothing', async () => {
        const c = conversation();
        const reads = world.platform.requests().length;
        await world.settings({ gitple_api_url: '' });
        const refused = await gitpleEvent(sessionEvent('session_state_open', c));
        await world.settings({ gitple_api_url: world.platform.origin });
        expect(refused.status).toBe(409);
        expect(refused.json).toEqual({ error: expect.stringContaining('gitple_api_url'), missing: ['gitple_api_url'] });
        expect(world.platform.requests()).toHaveLength(reads);
        expect(world.roomsOf(`gitple:${APP_CODE}:u-${c}`)).toHaveLength(0);
    });

    it('opens the room for a session with no lines yet', async () => {
        const c = conversation();
        sessions.set(`s-${c}`, []);
        expect((await gitpleEvent(sessionEvent('session_state_open', c))).status).toBe(200);
        expect(world.openRoomOf(`gitple:${APP_CODE}:u-${c}`)).toBeDefined();
    });

    it('keeps replies while /v1/hooks is down and sends them once, in order', async () => {
        const c = conversation();
        users.set(`u-${c}`, { name: 'Outage', identifier: `id-${c}` });
        await gitpleEvent(sessionEvent('session_state_open', c));
        const room = world.openRoomOf(`gitple:${APP_CODE}:u-${c}`)!;
        const hooks = () => world.platform.delivered().filter((request) => isHook(request, c)).map((request) => request.body.content[0].t);
        expect(await deliveredAfterFailure(world, 500, ['하나', '둘', '셋'], (text) => world.host.agentMessage(room.id, 'agent', text), hooks)).toEqual(['하나', '둘', '셋']);
    }, 30000);
});
