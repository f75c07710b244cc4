import { RecordedRequest } from '../fakes/RecordingServer';
import { engineProfile } from '../host/engineProfile';
import { bridgeContract,BridgeDriver } from '../support/bridgeContract';
import { BridgeWorld } from '../support/BridgeWorld';
import { deliveredAfterFailure } from '../support/deliveredAfterFailure';
import { signedLinkPattern, throughDoor } from '../support/signedLinks';
import { waitFor } from '../support/waitFor';

const SIGNATURE = 'cd-signature-token-7f3a9b2c';
const CHATDAY_TOKEN = 'cd-token-1a2b3c4d5e';

const world = new BridgeWorld();

/** Chatday's webhook as the seed describes it; `chat_id` numeric, as Chatday's room ids are. */
function webhook(chatId: string, message: Record<string, unknown>, signature: string | undefined = SIGNATURE, extra: Record<string, unknown> = {}) {
    const headers: Record<string, string> = signature === undefined ? {} : { 'X-Chatday-Signature-Token': signature };
    return world.request('POST', 'chatday', { headers, body: { message, chat_id: Number.isNaN(Number(chatId)) ? chatId : Number(chatId), ...extra } });
}

const isSend = (request: RecordedRequest, chatId: string) =>
    request.path === '/send' && String(request.body?.chat_id) === chatId;

const driver: BridgeDriver = {
    enabledSetting: 'chatday_enabled',
    successStatus: 200,
    acceptsCloses: false,
    async configure(w) {
        w.platform.route('/register', (request) => (request.headers.authorization === `Bearer ${CHATDAY_TOKEN}`
            ? { status: 200, body: { status: 'SUCCESS', data: { signature_token: SIGNATURE } } }
            : { status: 401, body: { message: 'invalid token' } }));
        await w.settings({
            chatday_enabled: true,
            chatday_register_url: `${w.platform.origin}/register`,
            chatday_send_url: `${w.platform.origin}/send`,
            chatday_token: CHATDAY_TOKEN,
        });
    },
    userMessage: (_w, chatId, text, id) => webhook(chatId, { id, type: 'text', data: text }),
    forgedUserMessage: (_w, chatId, text, id) => webhook(chatId, { id, type: 'text', data: text }, 'not-the-token'),
    visitorToken: (chatId) => `chatday:${chatId}`,
    replyText: (request, chatId) => (isSend(request, chatId) && request.body.message.type === 'text' ? request.body.message.data : undefined),
    concerns: (request, chatId) => isSend(request, chatId),
    isCloseNotice: () => false,
};

beforeAll(() => world.start());
afterAll(() => world.stop());

bridgeContract('Chatday', world, driver);

describe('Chatday specifics', () => {
    let chat = 9000;
    const nextChat = () => String(++chat);

    it('registered when the token was saved: Bearer token sent, signature token stored', async () => {
        const register = world.platform.requests('/register');
        expect(register.length).toBeGreaterThan(0);
        expect(register[0].headers.authorization).toBe(`Bearer ${CHATDAY_TOKEN}`);
        expect(await world.host.settingValue(world.appId, 'chatday_signature_token')).toBe(SIGNATURE);
        // Before 1.62 the engine loses the lines of a call that overlapped others (registering
        // stores the signature token, whose setting change is another call into the app).
        if (engineProfile.logsEveryCall) {
            expect(world.host.appLogLines(world.appId).some((line) => line.text.includes('chatday: registered'))).toBe(true);
        }
    });

    it('reads the signature token from a response header too, and logs an exact failure', async () => {
        world.platform.route('/register-header', () => ({ status: 200, body: { ok: true }, headers: { 'Chatday-Signature-Token': 'from-header-123456' } }));
        await world.settings({ chatday_register_url: `${world.platform.origin}/register-header` });
        expect(await world.host.settingValue(world.appId, 'chatday_signature_token')).toBe('from-header-123456');
        world.platform.route('/register-fail', () => ({ status: 403, body: { message: 'token revoked' } }));
        await world.settings({ chatday_register_url: `${world.platform.origin}/register-fail` });
        expect(world.host.appLogLines(world.appId).some((line) => line.severity === 'error' && line.text.includes('HTTP 403') && line.text.includes('token revoked'))).toBe(true);
        expect(await world.host.settingValue(world.appId, 'chatday_signature_token')).toBe('from-header-123456');
        await world.settings({ chatday_register_url: `${world.platform.origin}/register` });
        expect(await world.host.settingValue(world.appId, 'chatday_signature_token')).toBe(SIGNATURE);
    });

    it('registers on demand with POST /chatday.register (App Secret)', async () => {
        const before = world.platform.requests('/register').length;
        expect((await world.request('POST', 'chatday.register', { headers: { Authorization: 'Token wrong' } })).status).toBe(401);
        const answer = await world.request('POST', 'chatday.register', { headers: { Authorization: `Token ${'bridge-world-app-secret-0123456789'}` } });
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({ status: 'registered' });
        expect(world.platform.requests('/register').length).toBe(before + 1);
    });

    it('answers POST /chatday.register with 409 naming the missing chatday_token, and calls nothing', async () => {
        const before = world.platform.requests('/register').length;
        await world.settings({ chatday_token: '' });
        const answer = await world.request('POST', 'chatday.register', { headers: { Authorization: `Token ${'bridge-world-app-secret-0123456789'}` } });
        expect(answer.status).toBe(409);
        expect(answer.json).toEqual({ error: expect.stringContaining('chatday_token'), missing: ['chatday_token'] });
        expect(world.platform.requests('/register')).toHaveLength(before);
        await world.settings({ chatday_token: CHATDAY_TOKEN });
    });

    it('answers the webhook verification with 200 {"status":"SUCCESS"} (GET, or POST without a message)', async () => {
        for (const answer of [await world.request('GET', 'chatday'), await world.request('POST', 'chatday', { body: {} })]) {
            expect(answer.status).toBe(200);
            expect(answer.json).toEqual({ status: 'SUCCESS' });
        }
    });

    it('takes text as a string or {text}, media as a URL or {url}, keeping Thai and Korean text intact', async () => {
        const chatId = nextChat();
        await webhook(chatId, { type: 'text', data: 'สวัสดีครับ ต้องการความช่วยเหลือ' });
        await webhook(chatId, { type: 'text', data: { text: '안녕하세요, 주문 문의드립니다' } });
        await webhook(chatId, { type: 'image', data: 'https://cdn.chatday.example/u/photo.jpg' });
        await webhook(chatId, { type: 'file', data: { url: 'https://cdn.chatday.example/u/quote.pdf', name: 'ใบเสนอราคา.pdf' } });
        await webhook(chatId, { type: 'video', data: { link: 'https://cdn.chatday.example/u/clip.mp4' } });
        const messages = world.visibleMessages(`chatday:${chatId}`);
        expect(messages.map((message) => message.text)).toEqual(['สวัสดีครับ ต้องการความช่วยเหลือ', '안녕하세요, 주문 문의드립니다', '', '', '']);
        expect(messages[2].attachments?.[0].imageUrl).toBe('https://cdn.chatday.example/u/photo.jpg');
        expect(messages[3].attachments?.[0].title).toEqual(expect.objectContaining({ value: 'ใบเสนอราคา.pdf', link: 'https://cdn.chatday.example/u/quote.pdf' }));
        expect(messages[4].attachments?.[0].videoUrl).toBe('https://cdn.chatday.example/u/clip.mp4');
        // no chatday_department nor default_department: Rocket.Chat's routing picks the available agent
        expect(world.openRoomOf(`chatday:${chatId}`)?.servedBy?.username).toBe('agent');
    });

    it('opens rooms in chatday_department when set', async () => {
        const sales = world.host.livechat.createDepartment('Chatday Sales');
        world.host.livechat.addAgent('cd.agent', [sales.id], true);
        await world.settings({ chatday_department: 'Chatday Sales' });
        const chatId = nextChat();
        await webhook(chatId, { type: 'text', data: 'hi' });
        expect(world.openRoomOf(`chatday:${chatId}`)?.department?.name).toBe('Chatday Sales');
        await world.settings({ chatday_department: '' });
    });

    it('sends replies with the Bearer token: text, then each file as its own typed message with a signed link Chatday can open', async () => {
        const chatId = nextChat();
        await webhook(chatId, { type: 'text', data: 'hello' });
        const room = world.openRoomOf(`chatday:${chatId}`)!;
        world.host.agentMessage(room.id, 'agent', 'ขอบคุณครับ :smile:', [{ name: 'menu.png', type: 'image/png', data: Buffer.from('png bytes') }, { name: 'terms.pdf', type: 'application/pdf' }]);
        const sent = await waitFor('three sends', () => world.platform.received.filter((request) => isSend(request, chatId)).length === 3 && world.platform.received.filter((request) => isSend(request, chatId)));
        expect(sent.map((request) => request.body.message.type)).toEqual(['text', 'image', 'file']);
        expect(sent[0].body).toEqual({ message: { type: 'text', data: 'ขอบคุณครับ 😄' }, chat_id: Number(chatId) });
        expect(sent[1].body.message.data).toMatch(signedLinkPattern('https://chat.example.test', world.appId, 'menu.png'));
        expect(sent[2].body.message.data).toMatch(signedLinkPattern('https://chat.example.test', world.appId, 'terms.pdf'));
        const menu = await throughDoor(world, sent[1].body.message.data);
        expect(menu.status).toBe(200);
        expect(menu.headers['content-type']).toBe('image/png');
        expect(menu.body.toString()).toBe('png bytes');
        expect(sent.every((request) => request.headers.authorization === `Bearer ${CHATDAY_TOKEN}`)).toBe(true);
    });

    it('opens a new room for the next message after the room was closed', async () => {
        const chatId = nextChat();
        await webhook(chatId, { type: 'text', data: 'first visit' });
        const first = world.openRoomOf(`chatday:${chatId}`)!;
        world.host.closeAsAgent(first.id, 'agent', 'bye');
        await world.host.events.settle();
        await webhook(chatId, { type: 'text', data: 'back again' });
        const second = world.openRoomOf(`chatday:${chatId}`)!;
        expect(second.id).not.toBe(first.id);
        expect(world.messages(second.id).some((message) => message.text === 'back again')).toBe(true);
    });

    it('keeps replies while Chatday is down and sends them once, in order, when it is back', async () => {
        const chatId = nextChat();
        await webhook(chatId, { type: 'text', data: 'hello' });
        const room = world.openRoomOf(`chatday:${chatId}`)!;
        const sent = () => world.platform.delivered().filter((request) => isSend(request, chatId)).map((request) => request.body.message.data);
        expect(await deliveredAfterFailure(world, 503, ['one', 'two', 'three'], (text) => world.host.agentMessage(room.id, 'agent', text), sent)).toEqual(['one', 'two', 'three']);
    }, 30000);

    it('refuses a message without chat_id or message with 400 naming the field, and nothing changes', async () => {
        const before = world.totalMessages();
        const missingChat = await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': SIGNATURE }, body: { message: { type: 'text', data: 'x' } } });
        expect(missingChat.status).toBe(400);
        expect(missingChat.json.error).toContain('chat_id');
        const badMessage = await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': SIGNATURE }, body: { message: 'x', chat_id: 1 } });
        expect(badMessage.status).toBe(400);
        expect(badMessage.json.error).toContain('message');
        expect(world.totalMessages()).toBe(before);
    });
});
