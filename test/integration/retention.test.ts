import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { engineProfile } from '../host/engineProfile';
import { appRecords, kindOf, kindsOfRoom } from '../support/appRecords';
import { connectChatday } from '../support/DeliveryScene';
import { RapidProWorld } from '../support/RapidProWorld';
import { runRetentionNow } from '../support/runRetentionNow';
import { waitFor } from '../support/waitFor';

const HOUR = 3600 * 1000;
const RETENTION_DAYS = 3;
const CHATDAY_SIGNATURE = 'retention-chatday-signature';
const isChatday = (room: ILivechatRoom): boolean => (room.source as { label?: string } | undefined)?.label === 'Chatday';

/** The records a closed conversation keeps while it is within `retention_days` (its index entry, its link, its end user's pointer). */
const CLOSED_KEPT = ['closed-link', 'link', 'visitor-link'];
const OPEN = ['link', 'open-link', 'visitor-link'];

/**
 * The retention job (README "Storage and retention") on a week of traffic: conversations closed
 * on different days (the local Rocket.Chat closes a room as of a given time, as if it had
 * happened then; the daily job's next run is moved to now, as the passing of its 24 hours would).
 * `retention_days` is 3. On one instance and on two.
 */
describe.each([1, 2])('the retention job on %i Rocket.Chat instance(s)', (instances) => {
    const world = new RapidProWorld(instances);
    let contact = 0;
    const nextContact = (): string => `7${instances}${String((contact += 1)).padStart(4, '0')}`;
    const agent = () => world.host.store.userByUsername('agent');
    /** Closes the room as the agent, `hoursAgo` hours ago (the close event carries that time). */
    const closeHoursAgo = (roomId: string, hoursAgo: number): void => {
        expect(world.host.livechat.closeRoom(roomId, 'done', agent(), 'user', new Date(Date.now() - hoursAgo * HOUR))).toBe(true);
    };
    const delivered = (ticketID: string, type: string) => world.rapidpro.delivered().filter((call) => call.body?.ticketID === ticketID && call.body?.type === type);
    const forgottenInLogs = (): number => world.host.appLogLines(world.appId)
        .map((line) => /^retention: (\d+) finished conversation\(s\)/.exec(line.text))
        .reduce((sum, match) => sum + (match ? Number(match[1]) : 0), 0);

    /** A finished RapidPro conversation: opened, 3 contact messages, 2 agent replies delivered. Returns its room (still open). */
    async function converse(ticketID: string, token: string): Promise<string> {
        const roomId = await world.openTicket(ticketID, token);
        for (const text of ['hello', 'my order 123', 'thanks']) {
            expect((await world.call('POST', 'visitor-message', { visitor: { token }, text })).status).toBe(201);
        }
        world.host.agentMessage(roomId, 'agent', 'hi, looking');
        world.host.agentMessage(roomId, 'agent', 'done, bye');
        return roomId;
    }

    const week: Record<string, { token: string; ticketID: string; roomId: string; hoursAgo: number }> = {};
    const rooms: Record<string, string> = {};
    const contacts = { returning: '', recent: '', forgotten: '' };
    let forgottenBefore = 0;

    beforeAll(async () => {
        await world.start();
        await world.settings({ retention_days: RETENTION_DAYS });
        await connectChatday(world, 'retention-chatday-token', CHATDAY_SIGNATURE);

        // A week of conversations, closed 1 to 7 days ago; two of them an hour either side of the 3-day cutoff.
        const closes = { d1: 25, d2: 49, inside: 71, outside: 73, d4: 97, d5: 121, d6: 145, d7: 169 };
        for (const [name, hoursAgo] of Object.entries(closes)) {
            const token = nextContact();
            const ticketID = `ret-${instances}-${name}`;
            week[name] = { token, ticketID, roomId: await converse(ticketID, token), hoursAgo };
        }
        // Returning contacts: one has its new conversation open, one had a newer one closed yesterday.
        Object.assign(contacts, { returning: nextContact(), recent: nextContact(), forgotten: nextContact() });
        rooms.returningOld = await converse(`ret-${instances}-returning-old`, contacts.returning);
        rooms.recentOld = await converse(`ret-${instances}-recent-old`, contacts.recent);
        rooms.forgotten = await converse(`ret-${instances}-forgotten`, contacts.forgotten);
        rooms.open = await world.openTicket(`ret-${instances}-open`, nextContact());
        await world.outboxIdle();
        for (const { roomId, hoursAgo } of Object.values(week)) {
            closeHoursAgo(roomId, hoursAgo);
        }
        closeHoursAgo(rooms.returningOld, 145);
        closeHoursAgo(rooms.recentOld, 150);
        closeHoursAgo(rooms.forgotten, 121);
        await world.outboxIdle();
        rooms.returningNew = await world.openTicket(`ret-${instances}-returning-new`, contacts.returning);
        rooms.recentNew = await converse(`ret-${instances}-recent-new`, contacts.recent);
        await world.outboxIdle();
        closeHoursAgo(rooms.recentNew, 26);

        // A Chatday conversation closed five days ago.
        const chat = (id: string, text: string) => world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE }, body: { chat_id: 60000 + instances, message: { id, type: 'text', data: text } } });
        expect((await chat(`c-${instances}-1`, 'hello from chatday')).status).toBe(200);
        rooms.chatday = (await waitFor('the Chatday room', () => world.rooms().find((room) => room.isOpen && isChatday(room)))).id;
        closeHoursAgo(rooms.chatday, 120);
        await world.outboxIdle();

        // Refused by RapidPro (400): the reply and the close are parked.
        world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'refused' } };
        rooms.parked = await world.openTicket(`ret-${instances}-parked`, nextContact());
        world.host.agentMessage(rooms.parked, 'agent', 'parked reply');
        await world.host.events.settle();
        closeHoursAgo(rooms.parked, 140);
        await world.outboxIdle();
        expect(kindsOfRoom(world.host, world.appId, rooms.parked).filter((kind) => kind === 'outbox-parked')).toHaveLength(2);

        // RapidPro down (503) from here on: the reply and the close wait, retried.
        world.rapidpro.behaviour = { kind: 'status', status: 503, body: { error: 'down' } };
        rooms.undelivered = await world.openTicket(`ret-${instances}-undelivered`, nextContact());
        world.host.agentMessage(rooms.undelivered, 'agent', 'waiting reply');
        await world.host.events.settle();
        closeHoursAgo(rooms.undelivered, 140);
        await world.host.events.settle();
        expect(kindsOfRoom(world.host, world.appId, rooms.undelivered).filter((kind) => kind === 'outbox-item')).toHaveLength(2);

        forgottenBefore = forgottenInLogs();
        await runRetentionNow(world.host, world.appId);
    }, 240000);
    afterAll(() => world.stop());

    it('forgets every record of the conversations closed longer than retention_days ago', async () => {
        for (const name of ['outside', 'd4', 'd5', 'd6', 'd7']) {
            expect({ name, kinds: kindsOfRoom(world.host, world.appId, week[name].roomId) }).toEqual({ name, kinds: [] });
        }
        for (const name of ['returningOld', 'recentOld', 'forgotten', 'chatday']) {
            expect({ name, kinds: kindsOfRoom(world.host, world.appId, rooms[name]) }).toEqual({ name, kinds: [] });
        }
        // Each conversation forgotten once, whichever instance ran the purge (the job's log lines
        // reach the server's log store after the job's end: waited for, then counted exactly).
        // Before 1.62 the engine's one shared logger can drop or repeat a call's lines (README,
        // "Logs before 8.4"): the records above are the proof there.
        if (engineProfile.logsEveryCall) {
            await waitFor('the purge\'s log lines', () => forgottenInLogs() - forgottenBefore >= 9);
            expect(forgottenInLogs() - forgottenBefore).toBe(9);
        }
    });

    it('keeps the conversations closed within retention_days, to the hour, with their index and their contacts\' pointers', () => {
        for (const name of ['d1', 'd2', 'inside']) {
            expect({ name, kinds: kindsOfRoom(world.host, world.appId, week[name].roomId) }).toEqual({ name, kinds: CLOSED_KEPT });
        }
        expect(kindsOfRoom(world.host, world.appId, rooms.recentNew)).toEqual(CLOSED_KEPT);
        // The index keeps exactly the days of the entries left.
        const records = appRecords(world.host, world.appId);
        const entryDays = new Set(records.filter((record) => kindOf(record) === 'closed-link').map((record) => (record.data as { closedAt: string }).closedAt.slice(0, 10)));
        const days = new Set(records.filter((record) => kindOf(record) === 'closed-day').map((record) => (record.data as { day: string }).day));
        expect([...days].sort()).toEqual([...entryDays].sort());
    });

    it('never touches an open conversation, a parked delivery or one still waiting (and keeps their conversations)', () => {
        expect(kindsOfRoom(world.host, world.appId, rooms.open)).toEqual(OPEN);
        expect(kindsOfRoom(world.host, world.appId, rooms.returningNew)).toEqual(OPEN);
        expect(kindsOfRoom(world.host, world.appId, rooms.parked)).toEqual(['closed-link', 'link', 'outbox-parked', 'outbox-parked', 'visitor-link']);
        expect(kindsOfRoom(world.host, world.appId, rooms.undelivered)).toEqual(['closed-link', 'link', 'outbox-item', 'outbox-item', 'visitor-link']);
    });

    it('keeps a returning contact\'s newer conversation reachable: messages reach the open room, a close of a closed one is a 204', async () => {
        const answer = await world.call('POST', 'visitor-message', { visitor: { token: contacts.returning }, text: 'back again' });
        expect(answer.status).toBe(201);
        expect(world.messages(rooms.returningNew).find((message) => message.id === answer.json.id)?.text).toBe('back again');
        expect((await world.call('GET', 'room.close', { visitor: { token: contacts.recent } })).status).toBe(204);
        expect(world.room(rooms.recentNew).isOpen).toBeUndefined();
    });

    it('answers a late room.close for a forgotten contact with 404 saying why, and a late GET /room of a forgotten ticket with a new room', async () => {
        const token = contacts.forgotten;
        const close = await world.call('GET', 'room.close', { visitor: { token } });
        expect(close.status).toBe(404);
        expect(close.json.error).toContain('closed more than retention_days ago and forgotten');
        expect((await world.call('POST', 'visitor-message', { visitor: { token }, text: 'late' })).status).toBe(404);
        const again = await world.call('GET', 'room', { ticketID: `ret-${instances}-forgotten`, visitor: { token } });
        expect(again.status).toBe(201);
        expect(again.json.id).not.toBe(rooms.forgotten);
        expect(world.room(again.json.id).isOpen).toBe(true);
        expect(world.room(rooms.forgotten).isOpen).toBeUndefined();
    });

    it('treats a bridge\'s late message for a forgotten conversation as it treats one for any closed conversation: a new room', async () => {
        const before = world.rooms().filter((room) => isChatday(room)).length;
        const answer = await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE }, body: { chat_id: 60000 + instances, message: { id: `c-${instances}-2`, type: 'text', data: 'hello again' } } });
        expect(answer.status).toBe(200);
        const chatdayRooms = world.rooms().filter((room) => isChatday(room));
        expect(chatdayRooms).toHaveLength(before + 1);
        expect(chatdayRooms.find((room) => room.isOpen && room.id !== rooms.chatday)).toBeDefined();
    });

    it('forgets the undelivered conversation once its deliveries went out; the parked one stays until an operator acts', async () => {
        world.rapidpro.behaviour = { kind: 'ok' };
        await waitFor('the waiting close delivered', () => delivered(`ret-${instances}-undelivered`, 'close-room').length > 0, 30000);
        await world.outboxIdle();
        await runRetentionNow(world.host, world.appId);
        expect(kindsOfRoom(world.host, world.appId, rooms.undelivered)).toEqual([]);
        expect(kindsOfRoom(world.host, world.appId, rooms.parked)).toEqual(['closed-link', 'link', 'outbox-parked', 'outbox-parked', 'visitor-link']);
        // What is left of conversations: the open ones, those closed within retention_days, and the parked one.
        const linked = appRecords(world.host, world.appId).filter((record) => kindOf(record) === 'link').map((record) => (record.data as { roomId: string }).roomId).sort();
        const lateRoom = world.openRoomOf(contacts.forgotten)!.id;
        const chatdayRoom = world.rooms().find((room) => room.isOpen && isChatday(room))!.id;
        expect(linked).toEqual([
            week.d1.roomId, week.d2.roomId, week.inside.roomId, rooms.recentNew, rooms.open, rooms.returningNew, rooms.parked, lateRoom, chatdayRoom,
        ].sort());
    });

});
