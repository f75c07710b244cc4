import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { createHmac } from 'crypto';

import { GitpleSessionLine, GitpleUserProfile } from '../../src/platforms/gitple/types';
import { UchatHubVerification } from '../../src/platforms/uchat/types';
import { phpJsonEncode } from '../../src/security/jsonSerialisations';
import { RecordedRequest } from '../fakes/RecordingServer';
import { connectChatday } from '../support/DeliveryScene';
import { HttpAnswer } from '../support/http';
import { fixture, fixtureNames } from '../support/platformFixtures';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * The shared contract, for every platform: its recorded payloads (test/fixtures/<platform>/)
 * replayed through the app's real endpoint on the local Rocket.Chat. A new conversation opens
 * one livechat room; the end user's text and files arrive as the visitor's messages; a replay
 * of a payload changes nothing (or, where the platform documents no id to recognise it by,
 * at least opens no second room); an answer in the room reaches the fake platform; a close
 * closes the room. Each platform is a row of PLATFORMS: its fixtures, in order, and how it sends them.
 */

/** What one fixture does, for the contract. */
interface Replay {
    name: string;
    /** `METHOD path` of the app endpoint, for platforms with several. */
    call?: string;
    /** The end user it is about, when not the platform's `contact`. */
    contact?: string;
    /** A verification call: the answer the platform expects. */
    verification?: { status: number; json?: unknown; text?: string };
    opensRoom?: boolean;
    /** What it posts in the room as the end user (UChat: as the bot serving the visitor): texts and file URLs. */
    posts?: { texts: Array<string>; files: Array<string> };
    closesRoom?: boolean;
    /** It carries an id the app recognises, so a replay changes nothing (false: the platform documents no id). */
    repeatChangesNothing: boolean;
}

interface PlatformCase {
    platform: string;
    /** The platform's own key of the fixtures' end user (RapidPro: the contact's token; UChat: the widget visitor's token). */
    contact: string;
    /** Who the fixtures' messages are from in the room. UChat's bot serves livechat visitors: its messages are the bot's. */
    author: 'visitor' | 'bot';
    connect(): Promise<void>;
    send(replay: Replay, body: unknown): Promise<HttpAnswer>;
    replays: Array<Replay>;
    /** Fixtures that are not calls to the app: answers the fake platform serves. */
    served?: Array<string>;
    /** Who answers in the room (UChat: the visitor, to the bot), and the texts the platform received for the conversation. */
    answer: { from: 'agent' | 'visitor'; received(): Array<string> };
}

const world = new RapidProWorld();
const UCHAT_KEY = 'uchat-verification-token-7d41';
const UCHAT_BOT_PATH = '/api/apichat/acme-bot';
const UCHAT_VISITOR = 'widget-visitor-3c9a1f';
const GITPLE_SECRET = 'gitple-event-secret-contract';
const CHATDAY_SIGNATURE = 'chatday-signature-contract-5b2e';
const CLOSER_TOKEN = 'closer-webhook-token-9c2e';
const TICKET = '11137eb1-c831-4ddc-ba26-0bb77837f15e';

const hmac = (key: string, raw: string) => `sha256=${createHmac('sha256', key).update(raw).digest('hex')}`;
const reached = (path: string): Array<RecordedRequest> => world.platform.attempts.map((attempt) => attempt.request).filter((request) => request.path === path);

const PLATFORMS: Array<PlatformCase> = [
    {
        platform: 'rapidpro',
        contact: '10000',
        author: 'visitor',
        // RapidProWorld connects the fake RapidPro as it starts; settings-connect is replayed against it below.
        connect: async () => undefined,
        send: ({ call }, body) => {
            const [method, path] = (call ?? '').split(' ');
            // The recorded callback URL points at a real RapidPro: the replay points it at the fake one.
            const sent = path === 'settings' ? { webhook: { url: world.rapidpro.callbackUrl } } : body;
            return world.call(method, path, sent, { Authorization: `Token ${SECRET}` });
        },
        replays: [
            { name: 'settings-connect', call: 'PUT settings', verification: { status: 204, text: '' }, repeatChangesNothing: true },
            { name: 'room-open', call: 'GET room', opensRoom: true, repeatChangesNothing: true },
            { name: 'visitor-message-text', call: 'POST visitor-message', posts: { texts: ['Olá! Meu pedido ainda não chegou.'], files: [] }, repeatChangesNothing: false },
            {
                name: 'visitor-message-attachments', call: 'POST visitor-message', repeatChangesNothing: false,
                posts: { texts: ['Segue a foto da nota'], files: ['https://rapidpro.example.org/media/attachments/1/42/steps/ab12cd34/nota.jpg', 'https://rapidpro.example.org/media/attachments/1/42/steps/ef56ab78/recibo.pdf'] },
            },
            { name: 'room-open-fork', call: 'GET room', contact: '10001', opensRoom: true, repeatChangesNothing: true },
            { name: 'room-close', call: 'GET room.close', closesRoom: true, repeatChangesNothing: true },
        ],
        answer: {
            from: 'agent',
            received: () => world.rapidpro.received.filter((request) => request.body?.type === 'agent-message' && request.body.ticketID === TICKET).map((request) => request.body.data.text),
        },
    },
    {
        platform: 'gitple',
        contact: 'gitple:acme-shop:5cc6b0e18e3a4c0012a1d777',
        author: 'visitor',
        async connect() {
            world.platform.route('/v1/exports/users/5cc6b0e18e3a4c0012a1d777', () => ({ status: 200, body: fixture<GitpleUserProfile>('gitple', 'open-api-user') }));
            world.platform.route('/v1/exports/sessions/5cc6bcdb8e3a4c0012a1e0aa/messages', () => ({ status: 200, body: fixture<Array<GitpleSessionLine>>('gitple', 'open-api-session-messages') }));
            await world.settings({ gitple_enabled: true, gitple_event_secret: GITPLE_SECRET, gitple_app_code: 'acme-shop', gitple_api_secret: 'gitple-open-api-secret', gitple_api_url: world.platform.origin });
        },
        send: (_replay, body) => {
            const raw = JSON.stringify(body);
            return world.request('POST', 'gitple', { rawBody: raw, headers: { 'content-type': 'application/json', 'X-Hub-Signature': hmac(GITPLE_SECRET, raw) } });
        },
        replays: [
            { name: 'session-open', opensRoom: true, posts: { texts: ['주문한 상품이 아직 안 왔어요 😢'], files: ['https://files.gitple.io/acme-shop/receipt-20417.pdf'] }, repeatChangesNothing: true },
            { name: 'session-inprogress', posts: { texts: [], files: [] }, repeatChangesNothing: true },
            { name: 'send-external-message', posts: { texts: [], files: [] }, repeatChangesNothing: true },
            { name: 'session-close', closesRoom: true, repeatChangesNothing: true },
        ],
        served: ['open-api-session-messages', 'open-api-user'],
        answer: {
            from: 'agent',
            received: () => reached('/v1/hooks').filter((request) => request.body?.identifier === 'shop-member-20417').map((request) => request.body.content[0]?.t),
        },
    },
    {
        platform: 'chatday',
        contact: 'chatday:48213',
        author: 'visitor',
        connect: () => connectChatday(world, 'chatday-token-contract', CHATDAY_SIGNATURE),
        send: (_replay, body) => world.request('POST', 'chatday', { body, headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE } }),
        // Chatday's documented webhook carries no message id: a replay is posted again, in the same room.
        replays: [
            { name: 'webhook-verify', verification: { status: 200, json: { status: 'SUCCESS' } }, repeatChangesNothing: true },
            { name: 'message-text', opensRoom: true, posts: { texts: ['สวัสดีครับ สั่งสินค้าไปเมื่อวาน อยากทราบสถานะครับ'], files: [] }, repeatChangesNothing: false },
            { name: 'message-image', posts: { texts: [], files: ['https://cdn.chatday.example/uploads/48213/slip.jpg'] }, repeatChangesNothing: false },
            { name: 'message-file', posts: { texts: [], files: ['https://cdn.chatday.example/uploads/48213/quotation.pdf'] }, repeatChangesNothing: false },
        ],
        answer: {
            from: 'agent',
            received: () => reached('/send').filter((request) => request.body?.chat_id === 48213 && request.body.message.type === 'text').map((request) => request.body.message.data),
        },
    },
    {
        platform: 'uchat',
        contact: UCHAT_VISITOR,
        author: 'bot',
        async connect() {
            const bot = world.host.livechat.createDepartment('UChat Bot');
            world.host.livechat.addAgent(world.host.appUser(world.appId)!.username, [bot.id], true);
            world.host.livechat.upsertVisitor({ token: UCHAT_VISITOR, username: 'guest-contract', name: '이서연', department: bot.id });
            await world.settings({
                uchat_enabled: true, uchat_verification_key: UCHAT_KEY, uchat_bot_url: `${world.platform.origin}${UCHAT_BOT_PATH}`,
                uchat_flow_api_key: 'uchat-flow-key-contract', uchat_department: 'UChat Bot', uchat_handover_department: 'Support',
            });
        },
        send: ({ verification }, body) => {
            if (verification) {
                // UChat POSTs its verification as a form.
                const form = new URLSearchParams(body as UchatHubVerification).toString();
                return world.request('POST', 'uchat', { rawBody: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
            }
            const raw = phpJsonEncode(body);
            return world.request('POST', 'uchat', { rawBody: raw, headers: { 'content-type': 'application/json', 'X-Hub-Signature-256': hmac(UCHAT_KEY, raw), 'x-flow-ns': 'f123', 'x-action': 'messages' } });
        },
        // UChat's documented messages carry no message id: a replay is posted again, in the same room.
        replays: [
            { name: 'hub-verification', verification: { status: 200, text: '205c40409f9bcdeb9e00614b442c5fdd' }, repeatChangesNothing: true },
            { name: 'reply-text', opensRoom: true, posts: { texts: ['안녕하세요! 주문 번호를 알려주세요.'], files: [] }, repeatChangesNothing: false },
            { name: 'reply-button-template', posts: { texts: ['무엇을 도와드릴까요?\n1. 배송 조회\n2. 환불'], files: [] }, repeatChangesNothing: false },
            { name: 'reply-generic-template', posts: { texts: ['추천 상품'], files: ['https://shop.example.com/img/earbuds.jpg', 'https://shop.example.com/img/battery.jpg'] }, repeatChangesNothing: false },
            { name: 'reply-image', posts: { texts: [], files: ['https://bot.dfktv2.com/storage/acme/delivery-map.png'] }, repeatChangesNothing: false },
            { name: 'reply-file', posts: { texts: [], files: ['https://bot.dfktv2.com/storage/acme/return-form.pdf'] }, repeatChangesNothing: false },
        ],
        answer: {
            from: 'visitor',
            received: () => reached(UCHAT_BOT_PATH).filter((request) => request.body?.sender?.id === UCHAT_VISITOR).map((request) => request.body.content),
        },
    },
    {
        platform: 'closer',
        contact: 'closer:Bp2gkd:0369b88b-168e-4946-9d29-df5b456b6a30',
        author: 'visitor',
        connect: () => world.settings({ closer_enabled: true, closer_webhook_token: CLOSER_TOKEN, closer_reply_url: `${world.platform.origin}/closer-relay`, closer_reply_secret: 'closer-relay-secret-contract' }),
        send: (_replay, body) => world.request('POST', `closer?token=${CLOSER_TOKEN}`, { body }),
        replays: [
            { name: 'agent-call-requested', opensRoom: true, posts: { texts: [], files: [] }, repeatChangesNothing: true },
            { name: 'message-sent-text', posts: { texts: [], files: [] }, repeatChangesNothing: true },
            { name: 'message-received-text', posts: { texts: ['노트북 화면이 안 켜져요'], files: [] }, repeatChangesNothing: true },
            { name: 'message-received-image', posts: { texts: [], files: ['https://closer-media.example.com/Bp2gkd/screen.jpg'] }, repeatChangesNothing: true },
            { name: 'batch-message-received', posts: { texts: ['전원 버튼을 눌러도 반응이 없어요'], files: [] }, repeatChangesNothing: true },
            { name: 'agent-call-disconnected', closesRoom: true, repeatChangesNothing: true },
        ],
        answer: {
            from: 'agent',
            received: () => reached('/closer-relay').filter((request) => request.body?.event === 'agent_message' && request.body.endUserId === '0369b88b-168e-4946-9d29-df5b456b6a30').map((request) => request.body.text),
        },
    },
];

/** The URLs of a message's files, however Rocket.Chat shows them (image, audio, video, or a titled link). */
function fileUrls(message: IMessage): Array<string> {
    const urls = (message.attachments ?? []).flatMap((attachment) => [attachment.imageUrl, attachment.audioUrl, attachment.videoUrl, attachment.title?.link]);
    return [...new Set(urls.filter((url): url is string => url !== undefined))];
}

/** Messages in the end user's rooms from `author`, oldest first (system messages left out). */
function messagesBy(contact: string, author: PlatformCase['author']): Array<IMessage> {
    const bot = world.host.appUser(world.appId)?.username;
    return world.roomsOf(contact).flatMap((room) => world.messages(room.id).filter((message) => !message.type && (author === 'visitor'
        ? (message as { token?: string }).token === room.visitor.token
        : message.sender.username === bot)));
}

/** What a replay must leave as it was: the end user's rooms (open or not) and every message in them. */
function conversationState(contact: string) {
    const rooms = world.roomsOf(contact);
    return { rooms: rooms.map((room) => `${room.id}:${room.isOpen === true}`), messages: rooms.map((room) => world.messages(room.id).length) };
}

function describeReplay(replay: Replay): string {
    const does = [
        replay.verification && `answers the verification with ${replay.verification.status}`,
        replay.opensRoom && 'opens one livechat room',
        replay.posts && (replay.posts.texts.length + replay.posts.files.length > 0 ? 'posts its text and files in the room' : 'posts nothing as the end user'),
        replay.closesRoom && 'closes the room',
    ].filter(Boolean).join(', ');
    return `${replay.name}: ${does}; a replay ${replay.repeatChangesNothing ? 'changes nothing' : 'opens no second room'}`;
}

beforeAll(() => world.start());
afterAll(() => world.stop());

describe.each(PLATFORMS)('$platform: the platform contract', (platform) => {
    const open = () => world.roomsOf(platform.contact).filter((room) => room.isOpen);

    beforeAll(() => platform.connect());

    it('replays every fixture of the platform', () => {
        const covered = [...platform.replays.map((replay) => replay.name), ...(platform.served ?? [])].sort();
        expect(covered).toEqual(fixtureNames(platform.platform));
    });

    const check = (replay: Replay) => it(describeReplay(replay), async () => {
        const contact = replay.contact ?? platform.contact;
        const body = fixture(platform.platform, replay.name);
        const before = messagesBy(contact, platform.author).length;
        if (replay.opensRoom) {
            expect(world.roomsOf(contact)).toHaveLength(0);
        }
        const answer = await platform.send(replay, body);
        await world.host.events.settle();
        if (replay.verification) {
            const { status, json, text } = replay.verification;
            expect(answer.status).toBe(status);
            if (json !== undefined) {
                expect(answer.json).toEqual(json);
            }
            if (text !== undefined) {
                expect(answer.text).toBe(text);
            }
        } else {
            expect(answer.status).toBeGreaterThanOrEqual(200);
            expect(answer.status).toBeLessThan(300);
        }
        if (replay.opensRoom) {
            expect(world.roomsOf(contact).filter((room) => room.isOpen)).toHaveLength(1);
        }
        if (replay.posts) {
            const posted = messagesBy(contact, platform.author).slice(before);
            expect(posted.map((message) => message.text).filter((text) => text !== undefined && text !== '')).toEqual(replay.posts.texts);
            expect(posted.flatMap(fileUrls)).toEqual(replay.posts.files);
        }
        if (replay.closesRoom) {
            expect(world.roomsOf(contact).length).toBeGreaterThan(0);
            expect(world.roomsOf(contact).filter((room) => room.isOpen)).toHaveLength(0);
        }

        const state = conversationState(contact);
        const again = await platform.send(replay, body);
        await world.host.events.settle();
        expect(again.status).toBe(answer.status);
        if (replay.repeatChangesNothing) {
            expect(again.text).toBe(answer.text);
            expect(conversationState(contact)).toEqual(state);
        } else {
            expect(conversationState(contact).rooms).toEqual(state.rooms);
        }
    });

    platform.replays.filter((replay) => !replay.closesRoom).forEach(check);

    it(`an answer in the room (${platform.answer.from === 'agent' ? 'an agent\'s reply' : 'the visitor, to the bot'}) reaches the platform`, async () => {
        const [room] = open();
        expect(room).toBeDefined();
        const text = `Contract answer for ${platform.platform} ✓`;
        if (platform.answer.from === 'agent') {
            world.host.agentMessage(room.id, 'agent', text);
        } else {
            const visitor = world.host.store.visitorByToken(room.visitor.token)!;
            world.host.livechat.postMessage({ roomId: room.id, sender: world.host.livechat.visitorAsUser(visitor), visitor, text });
        }
        await waitFor(`the answer at ${platform.platform}`, () => platform.answer.received().includes(text));
        await world.outboxIdle();
        expect(platform.answer.received().filter((received) => received === text)).toHaveLength(1);
    });

    platform.replays.filter((replay) => replay.closesRoom).forEach(check);
});

