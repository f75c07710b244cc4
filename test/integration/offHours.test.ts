import { RapidProWorld } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

const CLOSER_TOKEN = 'off-hours-closer-token';
const CHATDAY_SIGNATURE = 'off-hours-chatday-signature';

/**
 * Off-hours: no Omnichannel agent online. Rocket.Chat then refuses new rooms
 * (`no-agent-online`) unless `Livechat_accept_chats_with_no_agents` is on.
 * The per-bridge "kept and applied in order" rule is in the shared bridge contract.
 */
describe('off-hours (no agent online)', () => {
    const world = new RapidProWorld();
    let counter = 0;
    const next = () => ++counter;

    beforeAll(async () => {
        await world.start();
        world.platform.route('/register', () => ({ status: 200, body: { signature_token: CHATDAY_SIGNATURE } }));
        await world.settings({
            closer_enabled: true, closer_webhook_token: CLOSER_TOKEN, closer_reply_url: `${world.platform.origin}/relay`, closer_reply_secret: 'off-hours-relay-secret',
            chatday_enabled: true, chatday_register_url: `${world.platform.origin}/register`, chatday_send_url: `${world.platform.origin}/send`, chatday_token: 'off-hours-chatday-token',
        });
    });
    afterAll(() => world.stop());
    afterEach(() => world.host.setServerSetting('Livechat_accept_chats_with_no_agents', false));

    const callbacksOf = (ticketID: string) => world.rapidpro.received.filter((call) => call.body?.ticketID === ticketID);
    const status = async (source: string) => (await world.call('GET', 'status')).json.sources.find((entry: { source: string }) => entry.source === source);
    const closerHandover = (endUserId: string) => world.request('POST', `closer?token=${CLOSER_TOKEN}`, {
        body: { type: 'agent_call_requested', botId: 'OffBot', timestamp: new Date().toISOString(), endUserId, conversation: { id: `c-${endUserId}`, params: { name: 'Night Owl' }, platform: 'kakao', userKey: `uk-${endUserId}` } },
    });

    describe('RapidPro /room', () => {
        it('answers 503 with what the admin can do, leaves the contact\'s current room alone, and opens the ticket on RapidPro\'s retry once an agent is online', async () => {
            const token = String(80000 + next());
            const oldTicket = `off-old-${counter}`;
            const oldRoom = await world.openTicket(oldTicket, token);
            const queuedBefore = (await status('rapidpro')).outbox.queued;
            const back = world.everyoneAway();
            let refused;
            try {
                refused = await world.call('GET', 'room', { visitor: { token, name: 'Late Contact' }, ticketID: `off-new-${counter}` });
            } finally {
                back();
            }
            expect(refused.status).toBe(503);
            expect(refused.json.error).toContain('no agent is online');
            expect(refused.json.error).toContain('Livechat_accept_chats_with_no_agents');
            expect(world.room(oldRoom).isOpen).toBe(true);
            expect(world.messages(oldRoom).some((message) => message.type === 'livechat-close')).toBe(false);
            expect(world.roomsOf(token)).toHaveLength(1);
            await world.host.events.settle();
            expect((await status('rapidpro')).outbox.queued).toBe(queuedBefore);
            expect(callbacksOf(oldTicket)).toHaveLength(0);

            const retried = await world.call('GET', 'room', { visitor: { token, name: 'Late Contact' }, ticketID: `off-new-${counter}` });
            expect(retried.status).toBe(201);
            expect(world.room(retried.json.id).isOpen).toBe(true);
            expect(world.room(oldRoom).isOpen).toBeUndefined();
            await waitFor('close-room for the replaced ticket', () => callbacksOf(oldTicket).some((call) => call.body.type === 'close-room'));
        });

        it('names the department nobody is online in', async () => {
            const night = world.host.livechat.createDepartment('Night Desk');
            world.host.livechat.addAgent('night.owl', [night.id], false);
            const refused = await world.call('GET', 'room', { visitor: { token: String(80000 + next()), department: 'Night Desk' }, ticketID: `off-dept-${counter}` });
            expect(refused.status).toBe(503);
            expect(refused.json.error).toContain('in department "Night Desk"');
        });

        it('opens the ticket queued (no agent yet) when Livechat_accept_chats_with_no_agents is on', async () => {
            world.host.setServerSetting('Livechat_accept_chats_with_no_agents', true);
            const back = world.everyoneAway();
            try {
                const roomId = await world.openTicket(`off-queued-${next()}`, String(80000 + counter), { visitor: { token: String(80000 + counter), department: 'Support' } });
                const room = world.room(roomId);
                expect(room.isOpen).toBe(true);
                expect(room.servedBy).toBeUndefined();
                expect(room.department?.name).toBe('Support');
            } finally {
                back();
            }
        });
    });

    describe('bridges', () => {
        it('apply kept events without any new event once an agent is online (the recurring sweep), and status shows what waits', async () => {
            const endUser = `night-${next()}`;
            const token = `closer:OffBot:${endUser}`;
            const back = world.everyoneAway();
            try {
                expect((await closerHandover(endUser)).status).toBe(200);
                expect(world.roomsOf(token)).toHaveLength(0);
                expect((await status('closer')).waitingForAgent).toEqual({ endUsers: 1, events: 1, since: expect.any(String) });
            } finally {
                back();
            }
            // The sweep runs every 15 seconds.
            const room = await waitFor('the kept handover room', () => world.openRoomOf(token), 20000);
            // The room opens first, then its kept events are posted and the record is removed.
            await waitFor('the kept events applied', async () => (await status('closer')).waitingForAgent.endUsers === 0, 20000);
            expect(room.visitor.name).toBe('Night Owl');
            expect(world.messages(room.id).some((message) => message.text?.includes('kakao'))).toBe(true);
            expect((await status('closer')).waitingForAgent).toEqual({ endUsers: 0, events: 0, since: null });
        }, 30000);

        it('keep a conversation that ended while it waited: its room opens with what was said and closes, on record', async () => {
            const endUser = `night-${next()}`;
            const token = `closer:OffBot:${endUser}`;
            const event = (type: string, extra: Record<string, unknown> = {}) => world.request('POST', `closer?token=${CLOSER_TOKEN}`, {
                body: { type, botId: 'OffBot', timestamp: new Date().toISOString(), endUserId: endUser, conversation: { id: `c-${endUser}`, params: {}, platform: 'kakao', userKey: `uk-${endUser}` }, ...extra },
            });
            const said = (id: string, text: string) => event('message_received', { message: { id, timestamp: new Date().toISOString(), conversationId: `c-${endUser}`, isUser: true, data: { type: 'text', text } } });
            const back = world.everyoneAway();
            try {
                expect((await closerHandover(endUser)).status).toBe(200);
                expect((await said('n1', 'is anybody there?')).status).toBe(200);
                expect((await event('session_expired')).status).toBe(200);
            } finally {
                back();
            }
            expect((await said('n2', 'hello again')).status).toBe(200);
            const [room] = world.roomsOf(token);
            expect(room.isOpen).toBeUndefined();
            expect(world.messages(room.id).filter((message) => (message as { token?: string }).token === room.visitor.token).map((message) => message.text)).toEqual(['is anybody there?']);
            expect(world.messages(room.id).some((message) => message.type === 'livechat-close')).toBe(true);
        });

        it('open rooms queued when Livechat_accept_chats_with_no_agents is on', async () => {
            world.host.setServerSetting('Livechat_accept_chats_with_no_agents', true);
            const chat = String(70000 + next());
            const back = world.everyoneAway();
            try {
                const answer = await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE }, body: { message: { id: `m-${chat}`, type: 'text', data: 'hello at night' }, chat_id: Number(chat) } });
                expect(answer.status).toBe(200);
                const room = world.openRoomOf(`chatday:${chat}`)!;
                expect(room.servedBy).toBeUndefined();
                expect(world.messages(room.id).some((message) => message.text === 'hello at night')).toBe(true);
            } finally {
                back();
            }
        });
    });
});
