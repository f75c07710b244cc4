import { FakeRapidPro } from '../fakes/FakeRapidPro';
import { INSTANCE_HEADER } from '../host/FrontDoor';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * Several Rocket.Chat instances on one database (rocketchat-server.md items 17, 18, 20, 21):
 * each runs its own Deno process of the app and its own Agenda on the shared job collection;
 * app calls and agent actions go round robin over the instances unless pinned.
 */
describe.each([2, 3])('a cluster of %i Rocket.Chat instances', (instances) => {
    const world = new RapidProWorld(instances);
    let contact = 0;

    const nextContact = (): string => `${instances}${String((contact += 1)).padStart(4, '0')}`;
    const delivered = (ticketID: string) => world.rapidpro.delivered().filter((call) => call.body?.ticketID === ticketID);
    const texts = (ticketID: string) => delivered(ticketID).filter((call) => call.body.type === 'agent-message').map((call) => call.body.data.text);
    const pinned = (instance: number) => ({ Authorization: `Token ${SECRET}`, [INSTANCE_HEADER]: String(instance) });

    /** Rooms opened in vain by a race: closed, with a note naming the room the conversation continues in. */
    const expectExtraRoomsClosedWithNote = (contactKey: string, liveRoomId: string): void => {
        for (const room of world.roomsOf(contactKey).filter((candidate) => candidate.id !== liveRoomId)) {
            expect(room.isOpen).toBeUndefined();
            expect(world.messages(room.id).find((message) => message.type === 'livechat-close')?.text).toContain(`continues in room ${liveRoomId}`);
        }
    };

    beforeAll(() => world.start());
    afterAll(() => world.stop());

    it('tells every instance of a settings change', async () => {
        await world.host.setSetting(world.appId, 'app_secret', 'a-new-secret-for-every-instance-0001');
        try {
            for (let instance = 0; instance < instances; instance++) {
                const answer = await world.call('GET', 'secret.check', undefined, { Authorization: 'Token a-new-secret-for-every-instance-0001', [INSTANCE_HEADER]: String(instance) });
                expect(answer.status).toBe(200);
            }
        } finally {
            await world.host.setSetting(world.appId, 'app_secret', SECRET);
        }
    });

    it('delivers to the callback RapidPro gave through one instance, whichever instance delivers', async () => {
        const moved = new FakeRapidPro();
        await moved.start();
        moved.expectedSecret = SECRET;
        try {
            expect((await world.call('PUT', 'settings', { webhook: { url: moved.callbackUrl } }, pinned(0))).status).toBe(204);
            await world.host.events.settle();
            const ticketID = `moved-${instances}`;
            const roomId = await world.openTicket(ticketID, nextContact());
            for (let n = 0; n < 6; n++) {
                world.host.agentMessage(roomId, 'agent', `moved ${n}`);
                await waitFor(`reply ${n} at the new callback`, () => moved.delivered().filter((call) => call.body?.ticketID === ticketID).length === n + 1, 15000);
            }
            expect(texts(ticketID)).toEqual([]);
        } finally {
            expect((await world.call('PUT', 'settings', { webhook: { url: world.rapidpro.callbackUrl } }, pinned(instances - 1))).status).toBe(204);
            await world.host.events.settle();
            await moved.stop();
        }
    }, 60000);

    it('opens many tickets at once over the instances: one room each', async () => {
        const tokens = Array.from({ length: 20 }, () => nextContact());
        const answers = await Promise.all(tokens.map((token, i) => world.call('GET', 'room', { ticketID: `many-${instances}-${i}`, visitor: { token } })));
        expect(answers.map((answer) => answer.status)).toEqual(tokens.map(() => 201));
        expect(new Set(answers.map((answer) => answer.json.id)).size).toBe(tokens.length);
        for (const token of tokens) {
            expect(world.roomsOf(token)).toHaveLength(1);
        }
    });

    it('answers a ticket retried on another instance seconds later with the same room', async () => {
        const token = nextContact();
        const ticket = { ticketID: `retry-${instances}`, visitor: { token, name: 'Ana' } };
        const first = await world.call('GET', 'room', ticket, pinned(0));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const second = await world.call('GET', 'room', ticket, pinned(instances - 1));
        expect([first.status, second.status]).toEqual([201, 201]);
        expect(second.json.id).toBe(first.json.id);
        expect(world.roomsOf(token)).toHaveLength(1);
    });

    it('stores a burst of visitor messages spread over the instances exactly once each', async () => {
        const token = nextContact();
        const roomId = await world.openTicket(`burst-${instances}`, token);
        const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => world.call('POST', 'visitor-message', { visitor: { token }, text: `burst ${i}` })));
        expect(answers.every((answer) => answer.status === 201)).toBe(true);
        const stored = world.messages(roomId).map((message) => message.text).filter((text) => text?.startsWith('burst '));
        expect(stored.sort()).toEqual(Array.from({ length: 60 }, (_, i) => `burst ${i}`).sort());
    });

    it('delivers agent replies written on every instance to RapidPro once each, in order', async () => {
        const rooms = await Promise.all([0, 1, 2].map(async (i) => ({ ticketID: `replies-${instances}-${i}`, roomId: await world.openTicket(`replies-${instances}-${i}`, nextContact()) })));
        for (let n = 0; n < 10; n++) {
            for (const { roomId } of rooms) {
                world.host.agentMessage(roomId, 'agent', `reply ${n}`);
            }
            await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await waitFor('every reply', () => rooms.every(({ ticketID }) => texts(ticketID).length >= 10), 30000);
        await world.outboxIdle();
        for (const { ticketID } of rooms) {
            expect(texts(ticketID)).toEqual(Array.from({ length: 10 }, (_, n) => `reply ${n}`));
        }
    }, 60000);

    it('keeps replies and closes while RapidPro is down, then delivers each once, in order, the close last', async () => {
        const rooms = await Promise.all([0, 1].map(async (i) => ({ ticketID: `down-${instances}-${i}`, roomId: await world.openTicket(`down-${instances}-${i}`, nextContact()) })));
        world.rapidpro.behaviour = { kind: 'status', status: 503 };
        try {
            for (let n = 0; n < 4; n++) {
                rooms.forEach(({ roomId }) => world.host.agentMessage(roomId, 'agent', `while down ${n}`));
                await new Promise((resolve) => setTimeout(resolve, 5));
            }
            rooms.forEach(({ roomId }) => world.host.closeAsAgent(roomId, 'agent'));
            await waitFor('refused attempts', () => rooms.every(({ ticketID }) => world.rapidpro.attempts.some((attempt) => attempt.request.body?.ticketID === ticketID && attempt.status === 503)), 20000);
        } finally {
            world.rapidpro.behaviour = { kind: 'ok' };
        }
        await waitFor('every item', () => rooms.every(({ ticketID }) => delivered(ticketID).some((call) => call.body.type === 'close-room')), 45000);
        await world.outboxIdle();
        for (const { ticketID } of rooms) {
            expect(delivered(ticketID).map((call) => call.body.type === 'close-room' ? 'close' : call.body.data.text)).toEqual([0, 1, 2, 3].map((n) => `while down ${n}`).concat('close'));
        }
    }, 90000);

    it('posts one message when the same Chatday message reaches every instance at once', async () => {
        await world.settings({ chatday_enabled: true, chatday_token: 'cd-token', chatday_signature_token: 'cd-signature' });
        for (let round = 0; round < 5; round++) {
            const chat = Number(`${instances}${round}77`);
            const opening = { message: { id: `first-${chat}`, type: 'text', data: 'hello' }, chat_id: chat };
            expect((await world.call('POST', 'chatday', opening, { 'X-Chatday-Signature-Token': 'cd-signature' })).status).toBe(200);
            const body = { message: { id: `dup-${chat}`, type: 'text', data: 'only once' }, chat_id: chat };
            const answers = await Promise.all(Array.from({ length: instances * 3 }, (_, i) => world.call('POST', 'chatday', body, { 'X-Chatday-Signature-Token': 'cd-signature', [INSTANCE_HEADER]: String(i % instances) })));
            expect(answers.every((answer) => answer.status === 200)).toBe(true);
            const rooms = world.roomsOf(`chatday:${chat}`);
            expect(rooms).toHaveLength(1);
            expect(world.messages(rooms[0].id).filter((message) => message.text === 'only once')).toHaveLength(1);
        }
    });

    it('opens one live room when a new end user\'s first Chatday message reaches every instance at once', async () => {
        for (let round = 0; round < 5; round++) {
            const chat = Number(`${instances}${round}88`);
            const body = { message: { id: `new-${chat}`, type: 'text', data: 'first words' }, chat_id: chat };
            const answers = await Promise.all(Array.from({ length: instances }, (_, i) => world.call('POST', 'chatday', body, { 'X-Chatday-Signature-Token': 'cd-signature', [INSTANCE_HEADER]: String(i) })));
            expect(answers.every((answer) => answer.status === 200)).toBe(true);
            await world.host.events.settle();
            const live = world.roomsOf(`chatday:${chat}`).filter((room) => room.isOpen);
            expect(live).toHaveLength(1);
            expect(world.visibleMessages(`chatday:${chat}`).filter((message) => message.text === 'first words')).toHaveLength(1);
            expectExtraRoomsClosedWithNote(`chatday:${chat}`, live[0].id);
        }
    });

    it('answers one room when the same new ticket reaches every instance at once; a room opened twice is closed with a note', async () => {
        for (let round = 0; round < 5; round++) {
            const token = nextContact();
            const ticket = { ticketID: `twice-${token}`, visitor: { token, name: 'Twice' } };
            const answers = await Promise.all(Array.from({ length: instances }, (_, i) => world.call('GET', 'room', ticket, pinned(i))));
            expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
            expect(new Set(answers.map((answer) => answer.json.id)).size).toBe(1);
            await world.host.events.settle();
            const live = world.roomsOf(token).filter((room) => room.isOpen);
            expect(live.map((room) => room.id)).toEqual([answers[0].json.id]);
            expectExtraRoomsClosedWithNote(token, live[0].id);
            expect(delivered(ticket.ticketID).filter((call) => call.body.type === 'close-room')).toEqual([]);
        }
    });

    it('delivers what an instance stopped in the middle of delivery left, from another instance', async () => {
        await world.settings({ delivery_timeout_seconds: 2 });
        const ticketID = `stopped-${instances}`;
        const roomId = await world.openTicket(ticketID, nextContact());
        world.rapidpro.behaviour = { kind: 'hang', ms: 20000 };
        world.host.agentMessage(roomId, 'agent', 'survives its instance');
        await waitFor('the attempt in flight', () => world.rapidpro.attempts.some((attempt) => attempt.request.body?.ticketID === ticketID));
        const lane = world.host.store.schedulerJobs.find({ name: /^outbox-lane-rapidpro_/ })[0];
        const running = Number(/instance-(\d+)/.exec(String(lane?.lockedAt ? lane.lastModifiedBy : ''))?.[1]);
        expect(Number.isInteger(running)).toBe(true);
        world.rapidpro.behaviour = { kind: 'ok' };
        await world.host.stopInstance(running);
        await waitFor('the delivery from another instance', () => texts(ticketID).length === 1, 30000);
        await world.outboxIdle();
        expect(texts(ticketID)).toEqual(['survives its instance']);
        expect(world.rapidpro.attempts.filter((attempt) => attempt.request.body?.ticketID === ticketID).length).toBeGreaterThanOrEqual(2);
    }, 60000);
});
