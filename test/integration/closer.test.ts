import { createHmac } from 'crypto';

import { RecordedRequest } from '../fakes/RecordingServer';
import { bridgeContract,BridgeDriver } from '../support/bridgeContract';
import { APP_SECRET, BridgeWorld } from '../support/BridgeWorld';
import { deliveredAfterFailure } from '../support/deliveredAfterFailure';
import { signedLinkPattern } from '../support/signedLinks';
import { waitFor } from '../support/waitFor';

const TOKEN = 'closer-webhook-token-5e1f0c';
const SECRET = 'closer-relay-secret-9b8a7c6d';
const BOT = 'Bp2gkd';

const world = new BridgeWorld();

const token = (endUserId: string) => `closer:${BOT}:${endUserId}`;
const conversationOf = (endUserId: string) => ({ id: `conv-${endUserId}`, params: {}, navigation: { lastNode: { flowId: 1, nodeId: 3, visitCount: 1 } }, platform: 'kakao', userKey: `uk-${endUserId}` });

/** One event in the seed's shape (004). */
function seedEvent(type: string, endUserId: string, message?: { id: string; data: unknown; isUser?: boolean }, extra: Record<string, unknown> = {}) {
    const now = new Date().toISOString();
    return {
        type,
        botId: BOT,
        ...(message ? { message: { timestamp: now, conversationId: `conv-${endUserId}`, isUser: type === 'message_received', ...message } } : {}),
        timestamp: now,
        endUserId,
        conversation: conversationOf(endUserId),
        ...extra,
    };
}

/** POSTs to /closer with the token in the query (default), in the header, or not at all. */
function post(body: unknown, auth: { query?: string; header?: string } = { query: TOKEN }) {
    const query = auth.query === undefined ? '' : `?token=${encodeURIComponent(auth.query)}`;
    const headers: Record<string, string> = auth.header === undefined ? {} : { 'X-Closer-Token': auth.header };
    return world.request('POST', `closer${query}`, { headers, body });
}

const send = (type: string, endUserId: string, message?: { id: string; data: unknown }, extra?: Record<string, unknown>) => post(seedEvent(type, endUserId, message, extra));
const text = (value: string) => ({ type: 'text', text: value });
/** Every request that reached the relay (whatever it answered). */
const relay = () => world.platform.attempts.map((attempt) => attempt.request).filter((request) => request.path === '/relay');
const relayFor = (endUserId: string, event = 'agent_message') => relay().filter((request) => request.body?.event === event && request.body?.endUserId === endUserId);

const driver: BridgeDriver = {
    enabledSetting: 'closer_enabled',
    successStatus: 200,
    acceptsCloses: true,
    async configure(w) {
        await w.settings({
            closer_enabled: true,
            closer_webhook_token: TOKEN,
            closer_reply_url: `${w.platform.origin}/relay`,
            closer_reply_secret: SECRET,
        });
    },
    async openConversation(_w, endUserId) {
        expect((await send('agent_call_requested', endUserId)).status).toBe(200);
    },
    userMessage: (_w, endUserId, value, id) => send('message_received', endUserId, { id, data: text(value) }),
    forgedUserMessage: (_w, endUserId, value, id) => post(seedEvent('message_received', endUserId, { id, data: text(value) }), { query: 'not-the-token' }),
    visitorToken: token,
    replyText: (request: RecordedRequest, endUserId) => (request.path === '/relay' && request.body?.event === 'agent_message' && request.body?.endUserId === endUserId ? request.body.text : undefined),
    concerns: (request: RecordedRequest, endUserId) => request.path === '/relay' && request.body?.endUserId === endUserId,
    isCloseNotice: (request: RecordedRequest, endUserId) => request.path === '/relay' && request.body?.event === 'room_closed' && request.body?.endUserId === endUserId,
    async closeFromPlatform(_w, endUserId) {
        expect((await send('agent_call_disconnected', endUserId)).status).toBe(200);
    },
};

beforeAll(() => world.start());
afterAll(() => world.stop());

bridgeContract('CLOSER', world, driver);

describe('CLOSER specifics', () => {
    let user = 0;
    const nextUser = () => `eu-${++user}-${Date.now().toString(36)}`;
    const openHandover = async (endUserId: string) => {
        expect((await send('agent_call_requested', endUserId)).status).toBe(200);
        return waitFor('the room', () => world.openRoomOf(token(endUserId)));
    };

    it('opens a room on agent_call_requested, named from the parameters, with a first line saying what is missing', async () => {
        const endUserId = nextUser();
        const answer = await send('agent_call_requested', endUserId, undefined, { conversation: { ...conversationOf(endUserId), params: { 이름: '김민수', 상품: '노트북' } } });
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({ status: 'ok' });
        const room = world.openRoomOf(token(endUserId))!;
        expect(room.visitor.name).toBe('김민수');
        const [intro] = world.messages(room.id).filter((message) => !message.type);
        expect(intro.sender.username).toBe('tickets.bot');
        expect(intro.text).toContain('platform: kakao');
        expect(intro.text).toContain(`userKey: uk-${endUserId}`);
        expect(intro.text).toContain('상품=노트북');
        expect(intro.text).toContain('not included in CLOSER\'s webhook');

        const unnamed = nextUser();
        await send('agent_call_requested', unnamed);
        expect(world.openRoomOf(token(unnamed))?.visitor.name).toBe(`CLOSER user uk-${unnamed}`);
    });

    it('accepts the batched envelope, events in order, data as the event fields, legacy events inside too', async () => {
        const endUserId = nextUser();
        const { type: _ignored, ...legacyFields } = seedEvent('message_received', endUserId, { id: 'b-m1', data: text('첫 번째 메시지') });
        const answer = await post({
            id: 'delivery-1',
            webhookId: 'wh-1',
            webhookUrl: `${world.base}/closer`,
            messages: [
                { id: 'ev-open', name: 'agent_call_requested', botId: BOT, timestamp: Date.now(), data: { endUserId, conversation: conversationOf(endUserId) } },
                { id: 'ev-m1', name: 'message_received', botId: BOT, timestamp: Date.now(), data: legacyFields },
                { id: 'ev-other', name: 'bot.end_user.updated', botId: BOT, timestamp: Date.now(), data: { endUser: { id: endUserId } } },
                seedEvent('message_received', endUserId, { id: 'b-m2', data: text('두 번째 메시지') }),
            ],
        });
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({ status: 'ok' });
        const texts = world.visibleMessages(token(endUserId)).filter((message) => message.sender.username !== 'tickets.bot').map((message) => message.text);
        expect(texts).toEqual(['첫 번째 메시지', '두 번째 메시지']);
    });

    it('answers unknown and uninteresting events 200, changing nothing and logging at debug', async () => {
        const endUserId = nextUser();
        const before = world.totalMessages();
        for (const type of ['bot.conversation.created', 'friend_added', 'friend_removed', 'session_started', 'agent_call_connected']) {
            const answer = await send(type, endUserId, { id: `${type}-1`, data: text('x') });
            expect(answer.status).toBe(200);
            expect(answer.json).toEqual({ status: 'ok' });
        }
        expect((await post({ messages: [{ id: 'z', name: 'bot.whatever', data: {} }, 'garbage'] })).status).toBe(200);
        expect(world.roomsOf(token(endUserId))).toHaveLength(0);
        expect(world.totalMessages()).toBe(before);
        expect(world.host.appLogLines(world.appId).some((line) => line.severity === 'debug' && line.text.includes('closer: ignored unknown event bot.conversation.created'))).toBe(true);
    });

    it('refuses a body that is not a JSON object with 400 JSON', async () => {
        for (const rawBody of ['[1,2]', '[]']) {
            const answer = await world.request('POST', `closer?token=${TOKEN}`, { rawBody, headers: { 'content-type': 'application/json' } });
            expect(answer.status).toBe(400);
            expect(typeof answer.json.error).toBe('string');
        }
        // a bare JSON string never reaches the app: Rocket.Chat's body parser (strict) answers 400 itself
        const text = await world.request('POST', `closer?token=${TOKEN}`, { rawBody: '"hello"', headers: { 'content-type': 'application/json' } });
        expect(text.status).toBe(400);
    });

    it('shows message_sent as context from the CLOSER bot, posted by tickets.bot and never sent back', async () => {
        const endUserId = nextUser();
        const room = await openHandover(endUserId);
        expect((await send('message_sent', endUserId, { id: 'ms-1', data: text('상담원을 연결해 드릴게요') })).status).toBe(200);
        const context = world.messages(room.id).find((message) => message.text?.includes('상담원을 연결해 드릴게요'))!;
        expect(context.text).toBe('*CLOSER bot:* 상담원을 연결해 드릴게요');
        expect(context.sender.username).toBe('tickets.bot');
        world.host.agentMessage(room.id, 'agent', 'marker');
        await waitFor('the marker', () => relayFor(endUserId).length > 0);
        await world.outboxIdle();
        expect(relayFor(endUserId).map((request) => request.body.text)).toEqual(['marker']);
    });

    it('renders media as files and buttons as text', async () => {
        const endUserId = nextUser();
        const room = await openHandover(endUserId);
        await send('message_received', endUserId, { id: 'md-1', data: { type: 'image', url: 'https://cdn.closer.example/u/photo.jpg' } });
        await send('message_sent', endUserId, { id: 'md-2', data: { type: 'button', text: '선택해 주세요', buttons: [{ title: '주문 조회' }] } });
        const messages = world.messages(room.id).filter((message) => !message.type);
        expect(messages.some((message) => message.attachments?.[0]?.imageUrl === 'https://cdn.closer.example/u/photo.jpg')).toBe(true);
        expect(messages.some((message) => message.text === '*CLOSER bot:* 선택해 주세요\n[버튼] 주문 조회')).toBe(true);
    });

    it('mirrors nothing outside a handover, unless closer_mirror_outside_handover is on', async () => {
        const endUserId = nextUser();
        expect((await send('message_received', endUserId, { id: 'o-1', data: text('just chatting with the bot') })).status).toBe(200);
        expect((await send('message_sent', endUserId, { id: 'o-2', data: text('bot answer') })).status).toBe(200);
        expect(world.roomsOf(token(endUserId))).toHaveLength(0);

        await world.settings({ closer_mirror_outside_handover: true });
        try {
            const sentFirst = nextUser();
            await send('message_sent', sentFirst, { id: 'o-3', data: text('환영합니다') });
            expect(world.openRoomOf(token(sentFirst))).toBeDefined();
            await send('message_received', endUserId, { id: 'o-4', data: text('now mirrored') });
            const room = world.openRoomOf(token(endUserId))!;
            expect(world.messages(room.id).some((message) => message.text === 'now mirrored' && (message as { token?: string }).token === room.visitor.token)).toBe(true);
        } finally {
            await world.settings({ closer_mirror_outside_handover: false });
        }
    });

    it('closes the room on session_expired, saying why, and tells the relay nothing', async () => {
        const endUserId = nextUser();
        const room = await openHandover(endUserId);
        expect((await send('session_expired', endUserId)).status).toBe(200);
        expect(world.host.store.rooms.get(room.id)?.isOpen).toBeUndefined();
        expect(world.messages(room.id).some((message) => message.type === 'livechat-close' && message.text?.includes('session expired'))).toBe(true);
        await world.outboxIdle();
        expect(relayFor(endUserId, 'room_closed')).toHaveLength(0);
    });

    it('keeps Thai and Korean text intact both ways and signs the exact body with the reply secret', async () => {
        const endUserId = nextUser();
        const room = await openHandover(endUserId);
        await send('message_received', endUserId, { id: 'tk-1', data: text('สวัสดีครับ ต้องการความช่วยเหลือ') });
        await send('message_received', endUserId, { id: 'tk-2', data: text('안녕하세요, 주문 문의드립니다') });
        const visitorTexts = world.messages(room.id).filter((message) => (message as { token?: string }).token === room.visitor.token).map((message) => message.text);
        expect(visitorTexts).toEqual(['สวัสดีครับ ต้องการความช่วยเหลือ', '안녕하세요, 주문 문의드립니다']);

        world.host.agentMessage(room.id, 'agent', 'ขอบคุณครับ 감사합니다 :smile:', [{ name: 'menu.png', type: 'image/png' }]);
        const [request] = await waitFor('the reply', () => relayFor(endUserId).length > 0 && relayFor(endUserId));
        expect(request.method).toBe('POST');
        expect(request.headers['content-type']).toBe('application/json');
        const expected = `sha256=${createHmac('sha256', SECRET).update(Buffer.from(request.raw, 'utf8')).digest('hex')}`;
        expect(request.headers['x-tickets-signature']).toBe(expected);
        expect(Math.abs(Number(request.headers['x-tickets-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
        expect(request.body).toEqual({
            event: 'agent_message',
            botId: BOT,
            conversationId: `conv-${endUserId}`,
            userKey: `uk-${endUserId}`,
            endUserId,
            platform: 'kakao',
            text: 'ขอบคุณครับ 감사합니다 😄',
            attachments: [{ url: expect.stringMatching(signedLinkPattern('https://chat.example.test', world.appId, 'menu.png')), mimeType: 'image/png', name: 'menu.png' }],
            roomId: room.id,
            sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        });

        world.host.closeAsAgent(room.id, 'agent', 'done');
        await world.host.events.settle();
        const [closed] = await waitFor('the close', () => relayFor(endUserId, 'room_closed').length > 0 && relayFor(endUserId, 'room_closed'));
        expect(closed.body).toEqual(expect.objectContaining({ event: 'room_closed', botId: BOT, conversationId: `conv-${endUserId}`, text: '', attachments: [], roomId: room.id }));
        expect(closed.headers['x-tickets-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(closed.raw, 'utf8').digest('hex')}`);
    });

    it('takes the token from ?token= or X-Closer-Token, and refuses a wrong or missing one with 401', async () => {
        const endUserId = nextUser();
        const event = () => seedEvent('agent_call_requested', endUserId);
        expect((await post(event(), { header: 'wrong' })).status).toBe(401);
        expect((await post(event(), {})).status).toBe(401);
        const wrongQuery = await post(event(), { query: `${TOKEN}x` });
        expect(wrongQuery.status).toBe(401);
        expect(wrongQuery.text).not.toContain(TOKEN);
        expect(world.roomsOf(token(endUserId))).toHaveLength(0);
        expect((await post(event(), { header: TOKEN })).status).toBe(200);
        expect(world.openRoomOf(token(endUserId))).toBeDefined();
        const other = nextUser();
        expect((await post(seedEvent('agent_call_requested', other), { query: TOKEN })).status).toBe(200);
        expect(world.openRoomOf(token(other))).toBeDefined();
    });

    it('keeps replies while the relay is down and sends them once, in order, when it is back', async () => {
        const endUserId = nextUser();
        const room = await openHandover(endUserId);
        const sent = () => world.platform.delivered('/relay').filter((request) => request.body?.event === 'agent_message' && request.body?.endUserId === endUserId).map((request) => request.body.text);
        expect(await deliveredAfterFailure(world, 503, ['one', 'two', 'three'], (value) => world.host.agentMessage(room.id, 'agent', value), sent)).toEqual(['one', 'two', 'three']);
        expect(new Set(relayFor(endUserId).map((request) => request.headers['x-tickets-delivery'])).size).toBe(3);
    }, 30000);

    it('holds replies while closer_reply_secret is unset and sends them once it is set', async () => {
        const endUserId = nextUser();
        const room = await openHandover(endUserId);
        await world.settings({ closer_reply_secret: '' });
        try {
            world.host.agentMessage(room.id, 'agent', 'waiting for the secret');
            // the item waits, retried, with the reason in status
            await waitFor('the held item in status', async () => {
                const status = await world.request('GET', 'status', { headers: { Authorization: `Token ${APP_SECRET}` } });
                const closer = status.json.sources.find((source: { source: string }) => source.source === 'closer');
                return closer.outbox.retrying.some((item: { room: string; lastError: string }) => item.room === room.id && item.lastError.includes('closer_reply_secret is not set'));
            });
            expect(world.platform.attempts.filter((attempt) => attempt.request.body?.endUserId === endUserId)).toHaveLength(0);
        } finally {
            await world.settings({ closer_reply_secret: SECRET });
        }
        await waitFor('the held reply', () => relayFor(endUserId).length === 1, 20000);
        expect(relayFor(endUserId)[0].body.text).toBe('waiting for the secret');
    }, 30000);
});
