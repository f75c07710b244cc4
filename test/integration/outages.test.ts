import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { createHmac } from 'crypto';

import { FakeRapidPro } from '../fakes/FakeRapidPro';
import { RecordedRequest } from '../fakes/RecordingServer';
import { APP_SECRET, BridgeWorld } from '../support/BridgeWorld';
import { sleep, waitFor } from '../support/waitFor';

/**
 * Every receiver fails the way networks fail, in turn: down (connection refused) for
 * TICKETS_OUTAGE_SECONDS (60 by default), then slow (answers after the client's timeout), then
 * 429/500 with Retry-After. Afterwards each queued item of every conversation is delivered
 * exactly once (one 2xx answer reached the app; a hung attempt may have reached the receiver
 * too), in order, also across an app restart and an engine reload.
 */
const OUTAGE_MS = Number(process.env.TICKETS_OUTAGE_SECONDS ?? 60) * 1000;

const world = new BridgeWorld();
const rapidpro = new FakeRapidPro();
let botDepartment = '';

interface Conversation {
    name: string;
    /** Writes the next agent reply (or, for UChat, visitor message) in Rocket.Chat. */
    write(text: string): void;
    /** The texts the receiver got for this conversation, in arrival order. */
    arrived(): Array<string>;
}

const CHATDAY_SIGNATURE = 'cd-sig-outage';
const CLOSER_TOKEN = 'closer-token-outage';
const GITPLE_SECRET = 'gitple-secret-outage';

async function setUpConversations(tag: string): Promise<Array<Conversation>> {
    const agentWrites = (room: ILivechatRoom) => (text: string) => {
        world.host.agentMessage(room.id, 'agent', text);
    };
    const roomOf = (token: string) => waitFor(`the room of ${token}`, () => world.openRoomOf(token));
    const platform = (path: string, match: (request: RecordedRequest) => boolean, text: (request: RecordedRequest) => string) =>
        () => world.platform.delivered(path).filter(match).map(text);

    const ticketID = `outage-${tag}`;
    const open = await world.request('GET', 'room', { body: { ticketID, visitor: { token: `rp-${tag}` } }, headers: { Authorization: `Token ${APP_SECRET}` } });
    const rapidproRoom = world.host.store.rooms.get(open.json.id)!;

    const chatId = `77${tag.length}${Date.now() % 100000}`;
    await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE }, body: { message: { type: 'text', data: 'hi' }, chat_id: chatId } });
    const chatdayRoom = await roomOf(`chatday:${chatId}`);

    const endUserId = `eu-${tag}`;
    await world.request('POST', `closer?token=${CLOSER_TOKEN}`, { body: { type: 'agent_call_requested', botId: 'bot', endUserId, timestamp: new Date().toISOString(), conversation: { id: `cc-${tag}`, params: {}, platform: 'web', userKey: `uk-${tag}` } } });
    const closerRoom = await roomOf(`closer:bot:${endUserId}`);

    const gitpleEvent = { triggerId: `g-${tag}`, appCode: 'app', type: 'send_external_message', from: { type: 'agent', id: 'a' }, to: { type: 'user', id: `gu-${tag}`, identifier: `gi-${tag}`, name: 'G' }, message: { type: 'text/plain', content: 'hello' } };
    const raw = JSON.stringify(gitpleEvent);
    await world.request('POST', 'gitple', { rawBody: raw, headers: { 'content-type': 'application/json', 'X-Hub-Signature': `sha256=${createHmac('sha256', GITPLE_SECRET).update(raw).digest('hex')}` } });
    const gitpleRoom = await roomOf(`gitple:app:gu-${tag}`);

    const visitor = world.host.livechat.upsertVisitor({ token: `uv-${tag}`, username: `uv-${tag}`, name: 'U', department: botDepartment });
    const uchatRoom = world.host.livechat.createRoom(visitor, undefined, undefined);

    return [
        { name: 'RapidPro', write: agentWrites(rapidproRoom), arrived: () => rapidpro.delivered().filter((call) => call.body?.ticketID === ticketID).map((call) => call.body.data.text) },
        { name: 'Chatday', write: agentWrites(chatdayRoom), arrived: platform('/chatday/send', (request) => String(request.body?.chat_id) === chatId, (request) => request.body.message.data) },
        { name: 'CLOSER', write: agentWrites(closerRoom), arrived: platform('/closer/relay', (request) => request.body?.endUserId === endUserId, (request) => request.body.text) },
        { name: 'Gitple', write: agentWrites(gitpleRoom), arrived: platform('/v1/hooks', (request) => request.body?.identifier === `gi-${tag}`, (request) => request.body.content[0].t) },
        {
            name: 'UChat',
            write: (text) => {
                world.host.livechat.postMessage({ roomId: uchatRoom.id, sender: world.host.livechat.visitorAsUser(visitor), visitor, text });
            },
            arrived: platform('/uchat/bot', (request) => request.body?.sender?.id === `uv-${tag}`, (request) => request.body.content),
        },
    ];
}

function setBehaviour(behaviour: FakeRapidPro['behaviour']): void {
    rapidpro.behaviour = behaviour;
    world.platform.behaviour = behaviour;
}

async function stopReceivers(): Promise<void> {
    await rapidpro.stop();
    await world.platform.stop();
}

async function startReceivers(): Promise<void> {
    await rapidpro.start();
    await world.platform.start();
}

async function expectAllOnceInOrder(conversations: Array<Conversation>, expected: Array<string>): Promise<void> {
    await waitFor('every item at every receiver', () => conversations.every((conversation) => conversation.arrived().length >= expected.length), 60000);
    await world.outboxIdle();
    for (const conversation of conversations) {
        expect(`${conversation.name}: ${JSON.stringify(conversation.arrived())}`).toBe(`${conversation.name}: ${JSON.stringify(expected)}`);
    }
}

beforeAll(async () => {
    await world.start();
    await rapidpro.start();
    const bot = world.host.livechat.createDepartment('Bot');
    botDepartment = bot.id;
    world.host.livechat.addAgent(world.host.appUser(world.appId)!.username, [bot.id], true);
    const origin = world.platform.origin;
    await world.settings({
        delivery_timeout_seconds: 1, delivery_retry_base_seconds: 1, delivery_retry_max_seconds: 3,
        chatday_enabled: true, chatday_token: 'cd-token', chatday_signature_token: CHATDAY_SIGNATURE, chatday_send_url: `${origin}/chatday/send`,
        closer_enabled: true, closer_webhook_token: CLOSER_TOKEN, closer_reply_url: `${origin}/closer/relay`, closer_reply_secret: 'relay-secret',
        gitple_enabled: true, gitple_event_secret: GITPLE_SECRET, gitple_api_secret: 'api-secret', gitple_app_code: 'app', gitple_api_url: origin,
        uchat_enabled: true, uchat_verification_key: 'uk', uchat_bot_url: `${origin}/uchat/bot`, uchat_flow_api_key: 'fk', uchat_department: 'Bot',
    });
    const connect = await world.request('PUT', 'settings', { body: { webhook: { url: rapidpro.callbackUrl } }, headers: { Authorization: `Token ${APP_SECRET}` } });
    expect(connect.status).toBe(204);
});
afterAll(async () => {
    await rapidpro.stop();
    await world.stop();
});

describe('receiver outages', () => {
    it(`keeps every delivery through ${OUTAGE_MS / 1000} s down, then slow, then 429/500 with Retry-After, and delivers each once, in order`, async () => {
        const conversations = await setUpConversations('a');
        await stopReceivers();
        conversations.forEach((conversation) => conversation.write('during the outage'));
        await world.host.events.settle();
        await sleep(OUTAGE_MS);
        setBehaviour({ kind: 'hang', ms: 2500 });
        await startReceivers();
        conversations.forEach((conversation) => conversation.write('while slow'));
        await sleep(5000);
        setBehaviour({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
        conversations.forEach((conversation) => conversation.write('while throttled'));
        await sleep(2500);
        setBehaviour({ kind: 'status', status: 500 });
        await sleep(2000);
        setBehaviour({ kind: 'ok' });
        await expectAllOnceInOrder(conversations, ['during the outage', 'while slow', 'while throttled']);
    }, OUTAGE_MS + 120000);

    it('delivers items queued before an app restart and an engine reload, once each, in order', async () => {
        const conversations = await setUpConversations('b');
        await stopReceivers();
        conversations.forEach((conversation) => conversation.write('before the restart'));
        await world.host.events.settle();
        await world.host.restartApp(world.appId);
        conversations.forEach((conversation) => conversation.write('between the restarts'));
        await world.host.events.settle();
        await world.host.reloadEngine();
        conversations.forEach((conversation) => conversation.write('after the reload'));
        await world.host.events.settle();
        await sleep(3000);
        await startReceivers();
        await expectAllOnceInOrder(conversations, ['before the restart', 'between the restarts', 'after the reload']);
    }, 120000);
});
