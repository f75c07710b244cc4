import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { createHmac } from 'crypto';

import { phpJsonEncode } from '../../src/security/jsonSerialisations';
import { BridgeWorld } from '../support/BridgeWorld';
import { deliveredAfterFailure } from '../support/deliveredAfterFailure';
import { signedLinkPattern, throughDoor } from '../support/signedLinks';
import { waitFor } from '../support/waitFor';

const KEY = 'uchat-verification-key-42';
const FLOW_KEY = 'flow-api-key-xyz';
const BOT_PATH = '/api/apichat/unique-code-to-bot';

const world = new BridgeWorld();
let botDepartmentId = '';
let visitorCounter = 0;

/** UChat is PHP: its webhook bodies are json_encode output (escaped slashes and \uXXXX), signed over those bytes. */
function uchatWebhook(body: Record<string, unknown>, options: { key?: string; signature?: string; javascript?: boolean } = {}) {
    const raw = options.javascript ? JSON.stringify(body) : phpJsonEncode(body);
    const signature = options.signature ?? `sha256=${createHmac('sha256', options.key ?? KEY).update(raw).digest('hex')}`;
    return world.request('POST', 'uchat', { rawBody: raw, headers: { 'content-type': 'application/json', 'X-Hub-Signature-256': signature, 'x-flow-ns': 'f123', 'x-action': 'messages' } });
}

/** A livechat visitor arriving through the widget into the UChat bot's department. */
function widgetVisitor(name = 'Minji'): { token: string; room: ILivechatRoom } {
    visitorCounter += 1;
    const token = `widget-visitor-${visitorCounter}`;
    const visitor = world.host.livechat.upsertVisitor({ token, username: `guest-uchat-${visitorCounter}`, name, department: botDepartmentId, visitorEmails: [{ address: `v${visitorCounter}@example.com` }] });
    return { token, room: world.host.livechat.createRoom(visitor, undefined, undefined) };
}

function visitorSays(room: ILivechatRoom, text: string): void {
    const visitor = world.host.store.visitorByToken(room.visitor.token)!;
    world.host.livechat.postMessage({ roomId: room.id, sender: world.host.livechat.visitorAsUser(visitor), visitor, text });
}

/** Every call that reached the bot for this visitor (whatever it was answered). */
const botCalls = (token: string) => world.platform.attempts.map((attempt) => attempt.request).filter((request) => request.path === BOT_PATH && request.body?.sender?.id === token);

beforeAll(async () => {
    await world.start();
    const bot = world.host.livechat.createDepartment('UChat Bot');
    botDepartmentId = bot.id;
    world.host.livechat.addAgent(world.host.appUser(world.appId)!.username, [bot.id], true);
    const humans = world.host.livechat.createDepartment('Humans');
    world.host.livechat.addAgent('human', [humans.id], true);
    await world.settings({
        uchat_enabled: true,
        uchat_verification_key: KEY,
        uchat_bot_url: `${world.platform.origin}${BOT_PATH}`,
        uchat_flow_api_key: FLOW_KEY,
        uchat_department: 'UChat Bot',
        uchat_handover_department: 'Humans',
    });
});
afterAll(() => world.stop());

describe('UChat hub verification', () => {
    it('answers the challenge as plain text when the verify token matches (query, form or JSON)', async () => {
        const query = await world.request('GET', `uchat?hub_mode=subscribe&hub_verify_token=${KEY}&hub_challenge=205c40409f9bcdeb`);
        expect(query.status).toBe(200);
        expect(query.headers['content-type']).toMatch(/text\/plain/);
        expect(query.text).toBe('205c40409f9bcdeb');
        const form = await world.request('POST', 'uchat', { rawBody: `hub_mode=subscribe&hub_verify_token=${KEY}&hub_challenge=form-challenge`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect(form.text).toBe('form-challenge');
        const json = await world.request('POST', 'uchat', { body: { hub_mode: 'subscribe', hub_verify_token: KEY, hub_challenge: 'json-challenge' } });
        expect(json.text).toBe('json-challenge');
    });

    it('refuses a wrong verify token or mode with 403 JSON', async () => {
        expect((await world.request('GET', 'uchat?hub_mode=subscribe&hub_verify_token=wrong&hub_challenge=x')).status).toBe(403);
        const mode = await world.request('GET', `uchat?hub_mode=unsubscribe&hub_verify_token=${KEY}&hub_challenge=x`);
        expect(mode.status).toBe(403);
        expect(mode.json.error).toMatch(/hub_verify_token|subscribe/);
    });
});

describe('UChat bot serving livechat visitors', () => {
    it('sends each visitor message to bot_url with the flow key, a stable sender and conversation id', async () => {
        const { token, room } = widgetVisitor();
        visitorSays(room, '안녕하세요, 배송 조회하고 싶어요');
        visitorSays(room, 'order 42');
        const calls = await waitFor('two bot calls', () => botCalls(token).length === 2 && botCalls(token));
        expect(calls[0].headers.authorization).toBe(`Bearer ${FLOW_KEY}`);
        expect(calls[0].body).toEqual({
            content: '안녕하세요, 배송 조회하고 싶어요',
            message_type: 'incoming',
            sender: { id: token, name: 'Minji', email: expect.stringContaining('@example.com'), phone_number: '', type: 'contact' },
            conversation_id: expect.any(Number),
            event: 'message_created',
        });
        expect(calls[1].body.conversation_id).toBe(calls[0].body.conversation_id);
        expect(calls[1].body.content).toBe('order 42');
    });

    it('sends a visitor\'s :shortcodes: to the bot as emoji', async () => {
        const { token, room } = widgetVisitor();
        visitorSays(room, ':thumbsup: :slight_smile: :man_technologist_tone2:');
        const [call] = await waitFor('the bot call', () => botCalls(token).length === 1 && botCalls(token));
        expect(call.body.content).toBe('👍 🙂 👨🏼\u200d💻');
    });

    it('posts the bot\'s PHP-signed reply to the visitor as the app\'s bot user, Korean and URLs intact, and never sends it back', async () => {
        const { token, room } = widgetVisitor();
        visitorSays(room, 'hi');
        await waitFor('the bot call', () => botCalls(token).length === 1);
        const answer = await uchatWebhook({ sender_id: token, conv_id: botCalls(token)[0].body.conversation_id, text: '주문 상태: https://shop.example.com/o/42 에서 확인하세요 🙂', type: 'text', message_type: 'outgoing', private: false });
        expect(answer.status).toBe(200);
        const reply = world.messages(room.id).find((message) => message.text?.startsWith('주문 상태'));
        expect(reply?.text).toBe('주문 상태: https://shop.example.com/o/42 에서 확인하세요 🙂');
        expect(reply?.sender.username).toBe('tickets.bot');
        await world.outboxIdle();
        expect(botCalls(token)).toHaveLength(1);
    });

    it('accepts a signature over compact JavaScript JSON too, and refuses a bad one with 401 (nothing posted)', async () => {
        const { token, room } = widgetVisitor();
        expect((await uchatWebhook({ sender_id: token, conv_id: 1, text: 'js signed', type: 'text', message_type: 'outgoing' }, { javascript: true })).status).toBe(200);
        const before = world.messages(room.id).length;
        const forged = await uchatWebhook({ sender_id: token, conv_id: 1, text: 'forged', type: 'text', message_type: 'outgoing' }, { key: 'wrong-key' });
        expect(forged.status).toBe(401);
        expect((await uchatWebhook({ sender_id: token, conv_id: 1, text: 'no sig', type: 'text' }, { signature: '' })).status).toBe(401);
        expect(world.messages(room.id).length).toBe(before);
    });

    it('shows buttons the visitor can click or answer by number, sent back as a postback', async () => {
        const { token, room } = widgetVisitor();
        await uchatWebhook({
            sender_id: token, conv_id: 7, text: 'Menu', type: 'text', message_type: 'outgoing', private: false, content_type: 'button_template',
            content_attributes: { text: '무엇을 도와드릴까요?', buttons: [{ type: 'postback', title: '배송', payload: 'DELIVERY' }, { type: 'postback', title: '환불', payload: 'REFUND' }] },
        });
        const menu = world.messages(room.id).find((message) => message.text?.startsWith('무엇을'))!;
        expect(menu.text).toBe('무엇을 도와드릴까요?\n1. 배송\n2. 환불');
        expect(menu.attachments?.[0].actions?.map((action) => action.msg)).toEqual(['배송', '환불']);
        visitorSays(room, '2');
        const [call] = await waitFor('the postback', () => botCalls(token).length === 1 && botCalls(token));
        expect(call.body).toEqual(expect.objectContaining({ content: '환불', event: 'message_postback', submitted_values: [{ title: '환불', payload: 'REFUND' }] }));
    });

    it('shows cards (generic template) and media', async () => {
        const { token, room } = widgetVisitor();
        await uchatWebhook({
            sender_id: token, conv_id: 8, text: 'Plans', type: 'text', message_type: 'outgoing', private: false, content_type: 'generic_template',
            content_attributes: { ratio: 'horizontal', items: [{ title: 'Basic', image_url: 'https://cdn.example/b.png', item_url: null, subtitle: '₩9,900', default_action: null, buttons: [{ type: 'postback', title: 'Buy', payload: 'BUY' }] }] },
        });
        await uchatWebhook({ sender_id: token, conv_id: 8, url: 'https://cdn.example/promo.mp4', type: 'video', message_type: 'outgoing', private: false });
        const cards = world.messages(room.id).find((message) => message.text === 'Plans')!;
        expect(cards.attachments?.[0]).toEqual(expect.objectContaining({ imageUrl: 'https://cdn.example/b.png', text: '₩9,900\n1. Buy' }));
        expect(world.messages(room.id).some((message) => message.attachments?.[0]?.videoUrl === 'https://cdn.example/promo.mp4')).toBe(true);
    });

    it('keeps private replies away from the visitor: a note to the room\'s users (the bot user while it serves the room, the human after a handover)', async () => {
        const { token, room } = widgetVisitor();
        await uchatWebhook({ sender_id: token, conv_id: 9, text: 'internal: VIP customer', type: 'text', message_type: 'outgoing', private: true });
        expect(world.messages(room.id).some((message) => message.text?.includes('VIP customer'))).toBe(false);
        expect(world.host.store.notifications.filter((note) => note.roomId === room.id && note.text.includes('VIP customer')).map((note) => note.recipients)).toEqual([['tickets.bot']]);
        await uchatWebhook({ sender_id: token, conv_id: 9, text: 'handover', type: 'text', message_type: 'outgoing', private: false });
        await uchatWebhook({ sender_id: token, conv_id: 9, text: 'summary: wants a refund', type: 'text', message_type: 'outgoing', private: true });
        expect(world.host.store.notifications.filter((note) => note.roomId === room.id && note.text.includes('summary')).map((note) => note.recipients)).toEqual([['human']]);
    });

    it('hands over when the visitor asks for a human: transferred to the human department, nothing more goes to UChat', async () => {
        const { token, room } = widgetVisitor();
        visitorSays(room, 'hello bot');
        await waitFor('the bot call', () => botCalls(token).length === 1);
        visitorSays(room, 'Human');
        await world.host.events.settle();
        const moved = world.host.store.rooms.get(room.id)!;
        expect(moved.department?.name).toBe('Humans');
        expect(moved.servedBy?.username).toBe('human');
        expect(world.messages(room.id).some((message) => message.text?.includes('human agent'))).toBe(true);
        visitorSays(room, 'are you there?');
        world.host.agentMessage(room.id, 'human', 'Yes, I am Jisoo from support');
        await world.outboxIdle();
        expect(botCalls(token)).toHaveLength(1);
    });

    it('hands over when the bot says so (handover keyword or flag)', async () => {
        const { token, room } = widgetVisitor();
        await uchatWebhook({ sender_id: token, conv_id: 10, text: 'handover', type: 'text', message_type: 'outgoing', private: false });
        await world.host.events.settle();
        expect(world.host.store.rooms.get(room.id)?.department?.name).toBe('Humans');
    });

    it('opens a new room for a visitor whose room has closed', async () => {
        const { token, room } = widgetVisitor();
        visitorSays(room, 'first');
        await waitFor('the bot call', () => botCalls(token).length === 1);
        world.host.closeAsVisitor(room.id);
        await world.host.events.settle();
        await uchatWebhook({ sender_id: token, conv_id: botCalls(token)[0].body.conversation_id, text: 'Are you still there?', type: 'text', message_type: 'outgoing', private: false });
        const reopened = world.roomsOf(token).find((candidate) => candidate.isOpen)!;
        expect(reopened.id).not.toBe(room.id);
        expect(reopened.department?.name).toBe('UChat Bot');
        expect(world.messages(reopened.id).some((message) => message.text === 'Are you still there?')).toBe(true);
    });

    it('keeps visitor messages while bot_url is down and sends them once, in order, when it is back', async () => {
        const { token, room } = widgetVisitor();
        const calls = () => world.platform.delivered(BOT_PATH).filter((request) => request.body?.sender?.id === token).map((call) => call.body.content);
        expect(await deliveredAfterFailure(world, 500, ['a', 'b', 'c'], (text) => visitorSays(room, text), calls)).toEqual(['a', 'b', 'c']);
    }, 30000);

    it('answers 503 and does nothing while switched off', async () => {
        const { token, room } = widgetVisitor();
        await world.settings({ uchat_enabled: false });
        const answer = await uchatWebhook({ sender_id: token, conv_id: 1, text: 'off', type: 'text', message_type: 'outgoing' });
        visitorSays(room, 'nobody home');
        await world.host.events.settle();
        await world.settings({ uchat_enabled: true });
        expect(answer.status).toBe(503);
        expect(answer.json.error).toContain('uchat_enabled');
        await world.outboxIdle();
        expect(botCalls(token)).toHaveLength(0);
    });
});

describe('UChat when nobody (or another source) is there', () => {
    const uchatQueued = async () => (await world.request('GET', 'status', { headers: { Authorization: 'Token bridge-world-app-secret-0123456789' } })).json.sources.find((entry: { source: string }) => entry.source === 'uchat').outbox.queued;
    const humanId = () => world.host.store.userByUsername('human')!.id;
    const botId = () => world.host.appUser(world.appId)!.id;
    const texts = (roomId: string) => world.messages(roomId).filter((message) => !message.type).map((message) => message.text);
    afterEach(() => {
        world.host.livechat.setAgentAvailable(humanId(), true);
        world.host.livechat.setAgentAvailable(botId(), true);
        world.host.setServerSetting('Livechat_accept_chats_with_no_agents', false);
    });

    it('sends a numeric conversation_id (never null) for rooms the bridge opened itself', async () => {
        const { token, room } = widgetVisitor();
        world.host.closeAsVisitor(room.id);
        await world.host.events.settle();
        await uchatWebhook({ sender_id: token, conv_id: 1, text: 'Welcome back', type: 'text', message_type: 'outgoing', private: false });
        const reopened = world.openRoomOf(token)!;
        visitorSays(reopened, 'thanks');
        visitorSays(reopened, 'one more thing');
        const calls = await waitFor('two bot calls', () => botCalls(token).length === 2 && botCalls(token));
        expect(typeof calls[0].body.conversation_id).toBe('number');
        expect(calls[1].body.conversation_id).toBe(calls[0].body.conversation_id);
    });

    it('answers a bot message for a visitor whose open room belongs elsewhere with 200, in a room of its own', async () => {
        visitorCounter += 1;
        const token = `widget-visitor-${visitorCounter}`;
        const support = world.host.store.departmentByIdOrName('Support')!;
        const visitor = world.host.livechat.upsertVisitor({ token, username: `guest-uchat-${visitorCounter}`, name: 'Dana', department: support.id });
        const other = world.host.livechat.createRoom(visitor, undefined, undefined);
        const answer = await uchatWebhook({ sender_id: token, conv_id: 2, text: 'Hi Dana, the bot here', type: 'text', message_type: 'outgoing', private: false });
        expect(answer.status).toBe(200);
        const own = world.roomsOf(token).find((candidate) => candidate.id !== other.id && candidate.isOpen)!;
        expect(own.department?.name).toBe('UChat Bot');
        expect(texts(own.id)).toEqual(['Hi Dana, the bot here']);
        expect(world.room(other.id).isOpen).toBe(true);
        expect(texts(other.id)).toEqual([]);
    });

    it('tells the visitor when nobody is online for a handover, and the bot keeps serving the room', async () => {
        const { token, room } = widgetVisitor();
        world.host.livechat.setAgentAvailable(humanId(), false);
        visitorSays(room, 'Human');
        await world.host.events.settle();
        expect(world.room(room.id).department?.name).toBe('UChat Bot');
        expect(world.room(room.id).servedBy?.username).toBe('tickets.bot');
        expect(texts(room.id)).toEqual(['Human', 'Connecting you with a human agent…', expect.stringContaining('no human agent is available right now')]);
        visitorSays(room, 'ok, where is order 7?');
        const [call] = await waitFor('the bot still serving', () => botCalls(token).length === 1 && botCalls(token));
        expect(call.body.content).toBe('ok, where is order 7?');
        world.host.livechat.setAgentAvailable(humanId(), true);
        visitorSays(room, 'human');
        await world.host.events.settle();
        expect(world.room(room.id).department?.name).toBe('Humans');
        expect(world.room(room.id).servedBy?.username).toBe('human');
    });

    it('answers UChat 200 when its bot hands over with nobody online, and tells the visitor', async () => {
        const { token, room } = widgetVisitor();
        world.host.livechat.setAgentAvailable(humanId(), false);
        const answer = await uchatWebhook({ sender_id: token, conv_id: 3, text: 'Let me get a person', type: 'text', message_type: 'outgoing', private: false, handover: true });
        expect(answer.status).toBe(200);
        expect(world.room(room.id).department?.name).toBe('UChat Bot');
        expect(texts(room.id)).toEqual(['Let me get a person', 'Connecting you with a human agent…', expect.stringContaining('no human agent is available right now')]);
    });

    it('hands over into the human department\'s queue when Livechat_accept_chats_with_no_agents is on', async () => {
        const { token, room } = widgetVisitor();
        world.host.livechat.setAgentAvailable(humanId(), false);
        world.host.setServerSetting('Livechat_accept_chats_with_no_agents', true);
        visitorSays(room, 'agent');
        await world.host.events.settle();
        expect(world.room(room.id).department?.name).toBe('Humans');
        expect(world.room(room.id).servedBy).toBeUndefined();
        expect(texts(room.id)).toEqual(['agent', 'Connecting you with a human agent…']);
        visitorSays(room, 'hello?');
        await world.host.events.settle();
        expect(await uchatQueued()).toBe(0);
        expect(botCalls(token)).toHaveLength(0);
    });

    it('keeps bot messages for a visitor whose room closed while the bot was offline, and posts them in order once it is back', async () => {
        const { token, room } = widgetVisitor();
        world.host.closeAsVisitor(room.id);
        await world.host.events.settle();
        world.host.livechat.setAgentAvailable(botId(), false);
        for (const [id, text] of [['u-1', 'Are you still there?'], ['u-2', 'Your parcel left the depot'], ['u-2', 'Your parcel left the depot']]) {
            expect((await uchatWebhook({ id, sender_id: token, conv_id: 4, text, type: 'text', message_type: 'outgoing', private: false })).status).toBe(200);
        }
        expect(world.openRoomOf(token)).toBeUndefined();
        world.host.livechat.setAgentAvailable(botId(), true);
        expect((await uchatWebhook({ id: 'u-3', sender_id: token, conv_id: 4, text: 'Anything else?', type: 'text', message_type: 'outgoing', private: false })).status).toBe(200);
        const reopened = world.openRoomOf(token)!;
        expect(reopened.department?.name).toBe('UChat Bot');
        expect(texts(reopened.id)).toEqual(['Are you still there?', 'Your parcel left the depot', 'Anything else?']);
    });
});

describe('UChat one-step setup through the partner API', () => {
    const SETUP_PATH = '/api/partner/workspace/ws-77/apichat-webhook';

    afterAll(async () => {
        await world.settings({ uchat_partner_api_key: '', uchat_bot_url: `${world.platform.origin}${BOT_PATH}` });
    });

    it('sets the app\'s webhook in UChat with the partner key and stores the bot_url it answers', async () => {
        world.platform.route(SETUP_PATH, (request) => ({
            status: 200,
            body: { status: 'ok', data: { ...request.body, webhook_status: 'verified', bot_url: `${world.platform.origin}/api/apichat/from-setup` } },
        }));
        await world.settings({ uchat_partner_api_url: world.platform.origin, uchat_workspace_id: 'ws-77', uchat_partner_api_key: 'partner-key-1' });
        const [setup] = world.platform.requests(SETUP_PATH);
        expect(setup.method).toBe('POST');
        expect(setup.headers.authorization).toBe('Bearer partner-key-1');
        expect(setup.body).toEqual({ webhook_url: `https://chat.example.test/api/apps/public/${world.appId}/uchat`, webhook_verification_key: KEY });
        expect(await world.host.settingValue(world.appId, 'uchat_bot_url')).toBe(`${world.platform.origin}/api/apichat/from-setup`);
    });

    it('can be run again on demand (App Secret), and reports a refusal with 502 and the reason', async () => {
        expect((await world.request('POST', 'uchat.setup', { headers: { Authorization: 'Token nope' } })).status).toBe(401);
        const auth = { Authorization: 'Token bridge-world-app-secret-0123456789' };
        expect((await world.request('POST', 'uchat.setup', { headers: auth })).json).toEqual({ status: 'webhook set' });
        world.platform.route(SETUP_PATH, () => ({ status: 403, body: { status: 'error', message: 'partner key revoked' } }));
        const refused = await world.request('POST', 'uchat.setup', { headers: auth });
        expect(refused.status).toBe(502);
        expect(refused.json.error).toContain('partner key revoked');
        expect(refused.text).not.toContain('partner-key-1');
    });

    it('answers 409 naming the partner settings that are missing, and calls nothing (an admin\'s mistake is no 5xx)', async () => {
        const auth = { Authorization: 'Token bridge-world-app-secret-0123456789' };
        const calls = world.platform.requests(SETUP_PATH).length;
        await world.settings({ uchat_partner_api_key: '', uchat_workspace_id: '' });
        const refused = await world.request('POST', 'uchat.setup', { headers: auth });
        expect(refused.status).toBe(409);
        expect(refused.json).toEqual({ error: expect.stringContaining('uchat_partner_api_key, uchat_workspace_id'), missing: ['uchat_partner_api_key', 'uchat_workspace_id'] });
        expect(world.platform.requests(SETUP_PATH)).toHaveLength(calls);
        await world.settings({ uchat_workspace_id: 'ws-77' });
    });
});

describe('UChat: files and long replies on a real Rocket.Chat', () => {
    it('relays a visitor\'s upload as a signed link the bot can open without credentials, with the caption as content', async () => {
        const { token, room } = widgetVisitor();
        world.host.visitorUpload(room.id, { name: 'receipt.jpg', type: 'image/jpeg', data: Buffer.from('jpeg bytes') }, '영수증입니다');
        const [call] = await waitFor('the bot call', () => botCalls(token).length === 1 && botCalls(token));
        expect(call.body.content).toBe('영수증입니다');
        expect(call.body.attachments).toEqual([{ file_type: 'image', data_url: expect.stringMatching(signedLinkPattern('https://chat.example.test', world.appId, 'receipt.jpg')) }]);
        const file = await throughDoor(world, call.body.attachments[0].data_url);
        expect(file.status).toBe(200);
        expect(file.headers['content-type']).toBe('image/jpeg');
        expect(file.body.toString()).toBe('jpeg bytes');
    });

    it('posts a card whose links Rocket.Chat would refuse: the bad link is kept as text, the reply is not lost', async () => {
        const { token, room } = widgetVisitor();
        const answer = await uchatWebhook({
            sender_id: token, conv_id: 11, text: 'Our shop', type: 'text', message_type: 'outgoing', private: false, content_type: 'generic_template',
            content_attributes: { items: [{ title: 'Shop', image_url: 'HTTPS://cdn.example/shop.png', item_url: 'www.shop.example/menu', subtitle: 'open 9-18', buttons: [] }] },
        });
        expect(answer.status).toBe(200);
        const card = world.messages(room.id).find((message) => message.text === 'Our shop')!;
        expect(card.attachments?.[0]).toEqual(expect.objectContaining({ imageUrl: 'https://cdn.example/shop.png', text: 'open 9-18\nwww.shop.example/menu' }));
        expect(card.attachments?.[0].title?.link).toBeUndefined();
    });

    it('splits a bot reply longer than Message_MaxAllowedSize into several messages, in order, nothing lost', async () => {
        const { token, room } = widgetVisitor();
        const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1}: ${'내용 '.repeat(150)}`);
        const long = paragraphs.join('\n');
        expect(long.length).toBeGreaterThan(12000);
        expect((await uchatWebhook({ sender_id: token, conv_id: 12, text: long, type: 'text', message_type: 'outgoing', private: false })).status).toBe(200);
        const parts = world.messages(room.id).filter((message) => message.sender.username === 'tickets.bot' && !message.type);
        expect(parts.length).toBeGreaterThanOrEqual(3);
        expect(parts.every((part) => (part.text ?? '').length <= 5000)).toBe(true);
        expect(parts.map((part) => part.text).join('')).toBe(long);
    });

    it('splits even a short reply when an admin set a lower limit (the refusal is caught and the limit read)', async () => {
        world.host.store.serverSettings.set('Message_MaxAllowedSize', 300);
        try {
            const { token, room } = widgetVisitor();
            const text = `${'a'.repeat(250)} ${'b'.repeat(250)} ${'c'.repeat(250)}`;
            const answer = await uchatWebhook({
                sender_id: token, conv_id: 13, text, type: 'text', message_type: 'outgoing', private: false, content_type: 'button_template',
                content_attributes: { text, buttons: [{ type: 'postback', title: 'OK', payload: 'OK' }] },
            });
            expect(answer.status).toBe(200);
            const parts = world.messages(room.id).filter((message) => message.sender.username === 'tickets.bot' && !message.type);
            expect(parts.map((part) => part.text).join('')).toBe(`${text}\n1. OK`);
            expect(parts.length).toBe(3);
            // the buttons come with the last part, after the whole text
            expect(parts.map((part) => (part.attachments ?? []).length)).toEqual([0, 0, 1]);
        } finally {
            world.host.store.serverSettings.set('Message_MaxAllowedSize', 5000);
        }
    });
});
