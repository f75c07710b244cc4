import { ChatRooms } from '../host/ChatRooms';
import { PersistenceRecord } from '../host/HostStore';
import { ALERTS, GREETING, postsIn } from '../support/alertRoom';
import { connectChatday, sendsTo } from '../support/DeliveryScene';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * Alerts in a Rocket.Chat room (`alert_room`): the app's bot user posts one alert when a
 * condition starts and one line when it clears, from one recurring job whose runs the tests
 * bring forward with the host's scheduler (`runJobNow`: the job comes due, as after its
 * 30-second interval). What the room holds is read from the local Rocket.Chat's messages.
 */
const world = new RapidProWorld();
const CHATDAY_TOKEN = 'alerts-chatday-token-0123456789';
const CHATDAY_SIGNATURE = 'alerts-chatday-signature-0123456789';
const MINUTE_MS = 60_000;

const chatRooms = (): ChatRooms => new ChatRooms(world.host.store);
const runAlerts = (): Promise<string> => world.host.runJobNow(world.appId, 'alerts');

/** What one run of the alert job posted in the alert room. */
async function alertsOfOneRun(): Promise<Array<string>> {
    const before = postsIn(world.host, ALERTS).length;
    await runAlerts();
    return postsIn(world.host, ALERTS).slice(before);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the status endpoint's JSON, read field by field
async function status(): Promise<any> {
    const answer = await world.call('GET', 'status');
    expect(answer.status).toBe(200);
    return answer.json;
}

/** `/tickets <params>` as the administrator in a ticket's room: the private answer. */
async function tickets(params: string, roomId: string): Promise<string> {
    const before = world.host.store.notifications.length;
    await world.host.slashCommand({ username: 'boss', roomId, command: 'tickets', params });
    return world.host.store.notifications.slice(before).map((note) => note.text).join('\n');
}

/** The app's stored outbox items still waiting in a conversation (as Rocket.Chat's database holds them). */
function waitingItems(conversationId: string): Array<PersistenceRecord & { data: { createdAt: string; nextAttemptAt: string; attempts: number } }> {
    return [...world.host.store.persistence.values()]
        .filter((record) => record.associations.some((association) => (association as unknown as { id: string }).id === 'kind:outbox-item'))
        .filter((record) => (record.data as { conversationId?: string }).conversationId === conversationId) as never;
}

/**
 * Time passes for a conversation whose delivery keeps failing: its waiting item was queued
 * `minutes` earlier (as if the receiver had been failing that long). Done while the item waits
 * for its next attempt, a minute away, so no delivery run rewrites it meanwhile.
 */
function ageWaiting(conversationId: string, minutes: number): void {
    const items = waitingItems(conversationId);
    expect(items).toHaveLength(1);
    for (const record of items) {
        record.data = { ...record.data, createdAt: new Date(Date.parse(record.data.createdAt) - minutes * MINUTE_MS).toISOString() };
    }
}

/** The item's next attempt comes due now (its backoff has passed); the outbox sweep arms its lane. */
async function retryNow(conversationId: string): Promise<void> {
    for (const record of waitingItems(conversationId)) {
        record.data = { ...record.data, nextAttemptAt: new Date().toISOString() };
    }
    await world.host.runJobNow(world.appId, 'outbox-sweep');
}

/** Time passes for the refusals counted for a source: they were all counted `minutes` whole minutes ago. */
function refusalsAgo(source: string, minutes: number): void {
    const minute = Math.floor(Date.now() / MINUTE_MS) - minutes;
    for (const record of world.host.store.persistence.values()) {
        const shard = record.data as { source?: string; reason?: string; minutes?: Array<{ minute: number; count: number }> };
        if (shard.source === source && shard.reason === 'bad-credentials' && shard.minutes) {
            record.data = { ...shard, minutes: [{ minute, count: shard.minutes.reduce((sum, bucket) => sum + bucket.count, 0) }] };
        }
    }
}

/** Opens a Chatday chat (its end user writes); resolves with its room. */
async function chatdayRoom(chatId: number): Promise<string> {
    const answer = await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE }, body: { chat_id: chatId, message: { id: `alerts-${chatId}`, type: 'text', data: 'hello' } } });
    expect(answer.status).toBe(200);
    return (await waitFor(`the room of chat ${chatId}`, () => world.openRoomOf(`chatday:${chatId}`))).id;
}

const chatdayDelivered = (chatId: number): number => world.platform.delivered('/send').filter(sendsTo(String(chatId))).length;

describe('alerts in a Rocket.Chat room', () => {
    let ticketRoom = '';

    beforeAll(async () => {
        await world.start();
        await connectChatday(world, CHATDAY_TOKEN, CHATDAY_SIGNATURE);
        chatRooms().create({ name: ALERTS, type: 'c', creator: 'rocket.cat', members: ['agent'] });
        world.host.livechat.createUser({ username: 'boss', roles: ['user', 'admin'] });
        ticketRoom = await world.openTicket('alerts-ticket-1', '940001');
    });
    afterAll(() => world.stop());

    it('posts nothing while alert_room is empty, and status says the alerts are off', async () => {
        expect(await runAlerts()).toBe('instance-0');
        expect([...world.host.store.chatRooms.values()].flatMap((room) => world.host.store.roomMessages(room.id))).toEqual([]);
        const current = await status();
        expect(current.alerts).toEqual({ room: null, active: [] });
        expect(current.problems).toEqual([]);
        expect((await tickets('status', ticketRoom)).split('\n')).toContain('*Alerts*: off (alert_room is empty)');
    });

    it('greets the room alert_room names, once, as the app\'s bot user (not a member of the channel)', async () => {
        await world.settings({ alert_room: `#${ALERTS}` });
        expect(await alertsOfOneRun()).toEqual([GREETING]);
        const room = chatRooms().byName(ALERTS)!;
        const [greeting] = world.host.store.roomMessages(room.id);
        expect(greeting.sender).toEqual(expect.objectContaining({ username: 'tickets.bot', type: 'app' }));
        expect(room.memberIds).not.toContain(greeting.sender.id);
        expect(await alertsOfOneRun()).toEqual([]);
        expect((await status()).alerts).toEqual({ room: ALERTS, active: [] });
        expect((await tickets('status', ticketRoom)).split('\n')).toContain(`*Alerts* in "${ALERTS}": 0 active`);
    });

    it('a parked delivery: one alert with the receiver\'s answer, the count and the retry line; one line once a retry delivered it', async () => {
        world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'ticket is closed' } };
        world.host.agentMessage(ticketRoom, 'agent', 'refused by RapidPro');
        const item = await waitFor('the parked item', async () => (await status()).parked.items[0]);
        expect(await alertsOfOneRun()).toEqual([
            `:warning: *RapidPro*: a delivery was parked. 1 delivery is parked now; the newest (room \`${ticketRoom}\`, id \`${item.id}\`): refused by the receiver: HTTP 400: ticket is closed. Once the receiver is fixed, send them again with \`/tickets retry rapidpro\``,
        ]);
        // A second item parked while the alert holds: no second alert.
        world.host.agentMessage(ticketRoom, 'agent', 'refused again');
        await waitFor('two parked items', async () => (await status()).parked.total === 2);
        expect(await alertsOfOneRun()).toEqual([]);
        expect((await status()).alerts.active).toEqual([{ source: 'rapidpro', condition: 'parked', since: expect.any(String), posted: true }]);
        world.rapidpro.behaviour = { kind: 'ok' };
        expect(await tickets('retry rapidpro', ticketRoom)).toContain('2 parked deliveries sent again');
        await world.outboxIdle();
        expect(world.rapidpro.delivered().map((call) => call.body?.data?.text)).toEqual(expect.arrayContaining(['refused by RapidPro', 'refused again']));
        expect(await alertsOfOneRun()).toEqual([':white_check_mark: *RapidPro*: no delivery is parked any more.']);
        expect(await alertsOfOneRun()).toEqual([]);
    });

    it('a receiver failing every attempt for 5 minutes: one alert, and one line when a delivery that had failed goes through', async () => {
        // A minute between attempts: a failing item then waits untouched while the test moves its clock.
        await world.settings({ delivery_retry_base_seconds: 60 });
        const chats = [950001, 950002];
        world.platform.behaviourFor = (request) => (chats.some((chat) => sendsTo(String(chat))(request)) ? { kind: 'status', status: 503, body: { message: 'down for maintenance' } } : undefined);
        try {
            const rooms = [await chatdayRoom(chats[0]), await chatdayRoom(chats[1])];
            rooms.forEach((room, index) => world.host.agentMessage(room, 'agent', `reply ${index}`));
            await waitFor('both replies failed once', () => rooms.every((room) => waitingItems(room).some((record) => record.data.attempts === 1)));
            await waitFor('no delivery run under way', () => world.host.scheduledJobs(world.appId).every((job) => !job.name.startsWith('outbox-lane-') || !job.lockedAt));
            // Failing for a few seconds only: no alert yet.
            expect(await alertsOfOneRun()).toEqual([]);
            ageWaiting(rooms[0], 7);
            ageWaiting(rooms[1], 6);
            const [alert] = await alertsOfOneRun();
            expect(alert).toMatch(/^:warning: \*Chatday\*: every delivery attempt has failed for 5 minutes \(since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); 2 conversations are waiting\. Last error: HTTP 503: down for maintenance\. The app keeps retrying; `\/tickets status` shows each conversation's next attempt\.$/);
            expect(alert).toContain(`since ${new Date(Date.parse(waitingItems(rooms[0])[0].data.createdAt)).toISOString().slice(0, 19).replace('T', ' ')} UTC`);
            expect(await alertsOfOneRun()).toEqual([]);
            // The receiver works again: the first failed delivery that goes through clears it, while the other still waits for its next attempt.
            world.platform.behaviourFor = undefined;
            await retryNow(rooms[0]);
            await waitFor('the first reply delivered', () => chatdayDelivered(chats[0]) === 1);
            await waitFor('its item gone', () => waitingItems(rooms[0]).length === 0);
            expect(waitingItems(rooms[1])).toHaveLength(1);
            expect(await alertsOfOneRun()).toEqual([':white_check_mark: *Chatday*: deliveries are no longer failing.']);
            await retryNow(rooms[1]);
            await waitFor('the second reply delivered', () => chatdayDelivered(chats[1]) === 1);
            expect(await alertsOfOneRun()).toEqual([]);
        } finally {
            world.platform.behaviourFor = undefined;
            await world.settings({ delivery_retry_base_seconds: 1 });
        }
    });

    it('requests refused for a wrong signature: an alert from 5 within 2 minutes (4 are not enough), a line after 5 quiet minutes', async () => {
        const wrong = (n: number) => world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': `not-the-signature-${n}` }, body: { chat_id: 950100, message: { id: `probe-${n}`, type: 'text', data: 'probe' } } });
        for (let n = 1; n <= 4; n++) {
            expect((await wrong(n)).status).toBe(401);
        }
        expect(await alertsOfOneRun()).toEqual([]);
        expect((await wrong(5)).status).toBe(401);
        const posted = await alertsOfOneRun();
        expect(posted).toEqual([':warning: *Chatday*: 5 requests refused for a wrong signature or token in the last 2 minutes: someone probing the endpoint, or a secret changed on one side only. Check that the platform and the app\'s settings hold the same secret.']);
        expect(posted.join('\n')).not.toContain('not-the-signature');
        // Refusals 4 minutes old keep it (it clears after 5 quiet minutes, so a trickle does not flap it).
        refusalsAgo('chatday', 4);
        expect(await alertsOfOneRun()).toEqual([]);
        refusalsAgo('chatday', 6);
        expect(await alertsOfOneRun()).toEqual([':white_check_mark: *Chatday*: no request refused for a wrong signature or token for 5 minutes.']);
    });

    it('a source switched on without what it needs: one alert naming what is missing, one line once it is off or configured', async () => {
        await world.settings({ closer_enabled: true });
        const [alert, ...more] = await alertsOfOneRun();
        expect(more).toEqual([]);
        expect(alert.split('\n')).toEqual([
            ':warning: *CLOSER* is switched on but not configured:',
            '• closer_webhook_token is empty: CLOSER\'s calls are refused',
            '• closer_reply_url is empty: CLOSER\'s calls are refused and replies cannot be sent',
            '• closer_reply_secret is empty: CLOSER\'s calls are refused and replies cannot be sent',
        ]);
        await world.settings({ closer_enabled: false });
        expect(await alertsOfOneRun()).toEqual([':white_check_mark: *CLOSER*: nothing is missing from its configuration any more (or it was switched off).']);
    });

    it('posts at most 3 alerts an hour per source: a flapping condition is held back after the third, which says until when', async () => {
        const flips: Array<Array<string>> = [];
        for (let round = 0; round < 4; round++) {
            await world.settings({ gitple_enabled: true });
            flips.push(await alertsOfOneRun());
            await world.settings({ gitple_enabled: false });
            flips.push(await alertsOfOneRun());
        }
        const starts = flips.filter((posted) => posted.some((text) => text.startsWith(':warning: *Gitple*')));
        expect(starts).toHaveLength(3);
        expect(flips.slice(0, 6).map((posted) => posted.length)).toEqual([1, 1, 1, 1, 1, 1]);
        expect(flips[5]).toEqual([':white_check_mark: *Gitple*: nothing is missing from its configuration any more (or it was switched off).']);
        expect(flips[4][0]).toMatch(/\n\(More alerts of Gitple are held back until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC: at most 3 an hour\.\)$/);
        expect(flips[0][0]).not.toContain('held back');
        // The fourth start is held back, and as it cleared before the hour allowed it, nothing is ever posted for it.
        expect(flips.slice(6)).toEqual([[], []]);
        await world.settings({ gitple_enabled: true });
        expect(await alertsOfOneRun()).toEqual([]);
        expect((await status()).alerts.active).toEqual([{ source: 'gitple', condition: 'configuration', since: expect.any(String), posted: false }]);
        await world.settings({ gitple_enabled: false });
        expect(await alertsOfOneRun()).toEqual([]);
        expect((await status()).alerts.active).toEqual([]);
    });

    it('speaks the server\'s default language', async () => {
        world.host.setServerSetting('Language', 'es');
        try {
            await world.settings({ uchat_enabled: true });
            const [alert] = await alertsOfOneRun();
            expect(alert.split('\n')[0]).toBe(':warning: *UChat* está activado pero sin configurar:');
            expect(alert).toContain('• uchat_verification_key está vacío: las llamadas de UChat se rechazan');
            await world.settings({ uchat_enabled: false });
            expect(await alertsOfOneRun()).toEqual([':white_check_mark: *UChat*: ya no falta nada en su configuración (o se desactivó).']);
        } finally {
            world.host.setServerSetting('Language', '');
        }
    });

    it('never posts a secret: a receiver echoing the App Secret gets it replaced', async () => {
        world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: `token ${SECRET} is not valid here` } };
        world.host.agentMessage(ticketRoom, 'agent', 'refused with an echo');
        await waitFor('the parked item', async () => (await status()).parked.total === 1);
        const [alert] = await alertsOfOneRun();
        expect(alert).toContain('refused by the receiver: HTTP 400: token [secret] is not valid here');
        world.rapidpro.behaviour = { kind: 'ok' };
        expect(await tickets('retry rapidpro', ticketRoom)).toContain('1 parked delivery sent again');
        await world.outboxIdle();
        expect(await alertsOfOneRun()).toEqual([':white_check_mark: *RapidPro*: no delivery is parked any more.']);
        const everything = [...world.host.store.chatRooms.values()].flatMap((room) => world.host.store.roomMessages(room.id)).map((message) => message.text ?? '').join('\n');
        for (const secret of [SECRET, CHATDAY_TOKEN, CHATDAY_SIGNATURE]) {
            expect(everything).not.toContain(secret);
        }
        expect(everything).not.toContain('940001');
    });

    it('status and /tickets status say when the room is missing or refuses the bot; a private group takes the bot\'s posts', async () => {
        try {
            await world.settings({ alert_room: 'no-such-room' });
            const missing = 'alert_room names "no-such-room", but no room has that name: alerts cannot be posted';
            expect((await status()).problems).toEqual([missing]);
            const lines = (await tickets('status', ticketRoom)).split('\n');
            expect(lines).toContain('*Alerts* in "no-such-room": 0 active');
            expect(lines).toContain(`• ${missing}`);
            await runAlerts();

            chatRooms().create({ name: 'readonly-alerts', type: 'c', creator: 'rocket.cat', readOnly: true });
            await world.settings({ alert_room: 'readonly-alerts' });
            await runAlerts();
            expect(postsIn(world.host, 'readonly-alerts')).toEqual([]);
            const [refused] = (await status()).problems;
            expect(refused).toMatch(/^Rocket\.Chat refused the bot's post in "readonly-alerts" \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\): alerts cannot be posted there until that is fixed\. Its answer: You can't send messages because the room is readonly\.$/);
            expect((await tickets('status', ticketRoom)).split('\n')).toContain(`• ${refused}`);
            // Not tried again at every run (Rocket.Chat logs each refusal): the next try is 5 minutes later.
            await runAlerts();
            expect(world.host.appLogLines(world.appId).filter((line) => line.text.includes('refused the post in "readonly-alerts"'))).toHaveLength(1);

            chatRooms().create({ name: 'private-alerts', type: 'p', creator: 'rocket.cat' });
            await world.settings({ alert_room: 'private-alerts' });
            expect((await status()).problems).toEqual([]);
            await runAlerts();
            expect(postsIn(world.host, 'private-alerts')).toEqual([expect.stringMatching(/^:bell: Tickets posts its alerts in this room/)]);
            expect((await status()).problems).toEqual([]);
        } finally {
            await world.settings({ alert_room: ALERTS });
        }
        // Back in the first room: greeted again (it may have missed alerts meanwhile), and nothing holds.
        expect(await alertsOfOneRun()).toEqual([expect.stringMatching(/^:bell: /)]);
    });
});
