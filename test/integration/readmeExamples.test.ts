import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { createHmac } from 'crypto';

import { DEMO } from '../fakes/demoCredentials';
import { CHATDAY_REGISTER_PATH, CHATDAY_SEND_PATH } from '../fakes/FakeChatday';
import { CLOSER_RELAY_PATH } from '../fakes/FakeCloserRelay';
import { FakePlatforms } from '../fakes/FakePlatforms';
import { RAPIDPRO_CALLBACK_PATH } from '../fakes/FakeRapidPro';
import { UCHAT_BOT_PATH } from '../fakes/FakeUchat';
import { RecordedRequest } from '../fakes/RecordingServer';
import { requestLine, SHOWN_BODY } from '../fakes/requestLine';
import { FrontDoor } from '../host/FrontDoor';
import { setUpPlayground } from '../host/playgroundSetup';
import { httpCall } from '../support/http';
import { atAddresses, readmeExample, runBash } from '../support/readmeExamples';
import { RunningHost, startHost } from '../support/startHost';
import { waitFor } from '../support/waitFor';

/**
 * The README's per-platform examples, run as written (bash, curl, openssl, node) against the
 * playground's setup (the same setUpPlayground `npm start` runs) and the fake platforms of
 * `npm run fake-platforms`; what each fake received is checked. (playgroundProcess.test.ts
 * runs one of them against the real `npm start` and `npm run fake-platforms` processes.)
 */
const fakes = new FakePlatforms();
const printed: Array<string> = [];
let running: RunningHost;
let door: FrontDoor;
let playground = '';

async function run(name: string): Promise<string> {
    const { stdout } = await runBash(atAddresses(readmeExample(name), playground, fakes.origins()));
    return stdout;
}

/** Every event handled and no outbox item of any source waiting: from then on nothing more goes out. */
async function outboxIdle(): Promise<void> {
    await running.host.events.settle();
    await waitFor('an idle outbox', async () => {
        const status = await httpCall(`${playground}/api/apps/public/${running.appId}/status`, { headers: { Authorization: `Token ${DEMO.appSecret}` } });
        return status.status === 200 && status.json.sources.every((source: { outbox: { queued: number } }) => source.outbox.queued === 0);
    }, 30000);
}

const openRooms = (): Array<ILivechatRoom> => [...running.host.store.rooms.values()].filter((room) => room.isOpen);
const newestRoom = (): ILivechatRoom => [...running.host.store.rooms.values()].pop()!;
const texts = (roomId: string): Array<string> => running.host.store.roomMessages(roomId).filter((message) => !message.type).map((message) => message.text ?? '');

beforeAll(async () => {
    await fakes.start({ rapidpro: 0, gitple: 0, chatday: 0, uchat: 0, closer: 0 });
    fakes.onAnswered((platform, attempt) => printed.push(requestLine(platform, attempt)));
    running = await startHost();
    door = new FrontDoor(running.host, () => running.appId);
    const port = await door.listen(0);
    playground = `http://localhost:${port}`;
    running.host.setServerSetting('Site_Url', playground);
    await setUpPlayground(running.host, running.appId, fakes.origins());
});

afterAll(async () => {
    await door.close();
    await running.host.stop();
    await fakes.stop();
});

describe('the playground setup', () => {
    it('registered with the fake Chatday when the token was saved (Bearer demo token)', () => {
        const register = fakes.chatday.delivered(CHATDAY_REGISTER_PATH);
        expect(register.length).toBeGreaterThan(0);
        expect(register[0].headers.authorization).toBe(`Bearer ${DEMO.chatdayToken}`);
    });

    it('has every source switched on and configured', async () => {
        const status = await httpCall(`${playground}/api/apps/public/${running.appId}/status`, { headers: { Authorization: `Token ${DEMO.appSecret}` } });
        for (const source of status.json.sources) {
            expect({ source: source.source, enabled: source.enabled, missing: source.missingSettings ?? [] }).toEqual({ source: source.source, enabled: true, missing: [] });
        }
    });
});

describe('the README examples, run as written', () => {
    it('RapidPro: a ticket, the contact\'s message, the agent\'s reply and the close reach the fake RapidPro', async () => {
        const stdout = await run('rapidpro');
        expect(stdout.split('\n')[0]).toBe('204');
        const room = newestRoom();
        expect(texts(room.id)).toEqual(['Hello!', 'Hi Ana :wave:']);
        await outboxIdle();
        const webhooks = fakes.rapidpro.delivered(RAPIDPRO_CALLBACK_PATH);
        expect(webhooks.map((request) => request.body)).toEqual([
            { type: 'agent-message', ticketID: 't-1', visitor: { token: '10000' }, data: { text: 'Hi Ana 👋' } },
            { type: 'close-room', ticketID: 't-1', visitor: { token: '10000' } },
        ]);
        expect(webhooks[0].headers.authorization).toBe(`Token ${DEMO.appSecret}`);
        expect(printed).toContain(requestLine('rapidpro', fakes.rapidpro.attempts.find((attempt) => attempt.request === webhooks[0])!));
    });

    it('Gitple: the session opens a room with the Open API\'s profile and lines, the reply goes to /v1/hooks, the close closes', async () => {
        const stdout = await run('gitple');
        expect(stdout).toContain('{"status":"ok"}');
        const room = [...running.host.store.rooms.values()].find((candidate) => candidate.visitor.name === 'Gitple user u-1001')!;
        expect(texts(room.id)).toEqual([
            'Contact details: email u-1001@example.com',
            expect.stringMatching(/^\*Gitple:\* Gitple session s-1001 opened .*Categories: 주문\.$/),
            '안녕하세요, 주문 확인 부탁드려요',
            '주문 번호를 알려주세요 :pray:',
            'A-1234 입니다',
            expect.stringContaining('assigned in Gitple to agent agent-7'),
        ]);
        expect(room.isOpen).toBeUndefined();
        await outboxIdle();
        const hooks = fakes.gitple.delivered('/v1/hooks');
        expect(hooks.map((request) => request.body)).toEqual([{ type: 'message', identifier: 'id-u-1001', anonymous: false, lang: 'ko', content: [{ t: '주문 번호를 알려주세요 🙏' }] }]);
        expect(hooks[0].headers).toEqual(expect.objectContaining({ 'app-code': DEMO.gitpleAppCode, secret: DEMO.gitpleApiSecret }));
        expect(fakes.gitple.delivered('/v1/exports/users/u-1001').length).toBeGreaterThan(0);
    });

    it('UChat: the bot becomes an agent, the widget visitor\'s words and button go to bot_url, the bot\'s buttons show, "human" hands over', async () => {
        const stdout = await run('uchat');
        expect(stdout).toContain('"agents":[{"username":"tickets.bot","online":true}]');
        const room = [...running.host.store.rooms.values()].find((candidate) => candidate.visitor.token === 'widget-visitor-1')!;
        expect(texts(room.id)).toEqual(expect.arrayContaining(['무엇을 도와드릴까요?\n1. 배송\n2. 상담원']));
        await waitFor('the handover', () => room.department?.name === 'Support' && room.servedBy?.username === 'agent');
        expect(texts(room.id)).toContain('Connecting you with a human agent…');
        await outboxIdle();
        const calls = fakes.uchat.delivered(UCHAT_BOT_PATH);
        expect(calls.map((request) => [request.body.event, request.body.content])).toEqual([['message_created', '배송 조회하고 싶어요'], ['message_postback', '배송']]);
        expect(calls[1].body.submitted_values).toEqual([{ title: '배송', payload: 'DELIVERY' }]);
        expect(calls[0].headers.authorization).toBe(`Bearer ${DEMO.uchatFlowApiKey}`);
    });

    it('Chatday: the end user\'s text and photo land in one room, the reply and its file reach send-message, a forged token is refused', async () => {
        const stdout = await run('chatday');
        expect(stdout).toContain('{"status":"SUCCESS"}');
        expect(stdout).toContain('{"error":"X-Chatday-Signature-Token does not match the registered signature token"}');
        const room = newestRoom();
        const messages = running.host.store.roomMessages(room.id);
        expect(messages[0].text).toBe('Hello, is my order shipped?');
        expect(messages[1].attachments?.[0].imageUrl).toBe('https://cdn.example.com/photo.jpg');
        expect(texts(room.id)).not.toContain('forged');
        await outboxIdle();
        const sent = fakes.chatday.delivered(CHATDAY_SEND_PATH);
        expect(sent.map((request) => request.body.message.type)).toEqual(['text', 'file']);
        expect(sent[0].body).toEqual({ message: { type: 'text', data: 'Yes, it left today 🚚' }, chat_id: 'chat-42' });
        expect(sent[1].body.message.data).toMatch(new RegExp(`^${playground}/api/apps/public/${running.appId}/file\\?upload=.*&name=label\\.pdf$`));
        expect((await httpCall(sent[1].body.message.data)).text).toBe('label');
    });

    it('CLOSER: the handover opens a room, the reply and the close reach the relay signed with the relay secret, a wrong token is refused', async () => {
        const stdout = await run('closer');
        expect(stdout).toContain('{"error":"the token does not match closer_webhook_token"}');
        const room = [...running.host.store.rooms.values()].find((candidate) => candidate.visitor.name === '김민지')!;
        expect(texts(room.id)[0]).toMatch(/^\*CLOSER:\* The end user asked for an agent in CLOSER \(platform: kakao; userKey: uk-77; parameters: name=김민지\)/);
        expect(texts(room.id)).toContain('환불하고 싶어요');
        await outboxIdle();
        const relayed = fakes.closer.delivered(CLOSER_RELAY_PATH);
        expect(relayed.map((request) => request.body.event)).toEqual(['agent_message', 'room_closed']);
        expect(relayed[0].body).toEqual(expect.objectContaining({ botId: 'Bp2gkd', endUserId: 'eu-77', text: '안녕하세요, 상담원입니다 😄' }));
        const signature = (request: RecordedRequest) => `sha256=${createHmac('sha256', DEMO.closerReplySecret).update(request.raw).digest('hex')}`;
        expect(relayed.every((request) => request.headers['x-tickets-signature'] === signature(request))).toBe(true);
        expect(openRooms().some((candidate) => candidate.id === room.id)).toBe(false);
    });
});

describe('the fake platforms', () => {
    it('refuse wrong credentials with 401, as the platforms do', async () => {
        const origins = fakes.origins();
        expect((await httpCall(`${origins.rapidpro}${RAPIDPRO_CALLBACK_PATH}`, { method: 'POST', headers: { Authorization: 'Token wrong' }, body: {} })).status).toBe(401);
        expect((await httpCall(`${origins.gitple}/v1/hooks`, { method: 'POST', headers: { 'app-code': DEMO.gitpleAppCode, secret: 'wrong' }, body: { type: 'message' } })).json).toEqual({ error: 'Unauthorized' });
        expect((await httpCall(`${origins.chatday}${CHATDAY_REGISTER_PATH}`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
        expect((await httpCall(`${origins.chatday}${CHATDAY_REGISTER_PATH}`, { headers: { Authorization: `Bearer ${DEMO.chatdayToken}` } })).json).toEqual({ signature_token: DEMO.chatdaySignatureToken });
        expect((await httpCall(`${origins.uchat}${UCHAT_BOT_PATH}`, { method: 'POST', headers: { Authorization: 'Bearer wrong' }, body: { sender: { id: 'x' } } })).status).toBe(401);
        expect((await httpCall(`${origins.closer}${CLOSER_RELAY_PATH}`, { method: 'POST', headers: { 'X-Tickets-Signature': 'sha256=00' }, body: { event: 'agent_message' } })).json).toEqual({ error: 'bad signature' });
    });

    it('print one line per request: time, platform, method and path, status, the start of the body', () => {
        const attempt = fakes.chatday.attempts.find((candidate) => candidate.request.path === CHATDAY_SEND_PATH && candidate.request.body.message.type === 'file')!;
        const line = requestLine('chatday', attempt);
        expect(line).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} chatday {2}POST \/external\/send-message → 200 \{"message":\{"type":"file".*"chat_id":"chat-42"\}$/);
        expect(printed).toContain(line);
        const long = { ...attempt, request: { ...attempt.request, raw: `{\n  "text": "${'x'.repeat(1000)}"\n}` } };
        const cut = requestLine('chatday', long);
        expect(cut).not.toContain('\n');
        expect(cut).toMatch(/ → 200 \{ "text": "x+… \(\d+ characters\)$/);
        expect(cut.length).toBeLessThan(SHOWN_BODY + 120);
    });
});
