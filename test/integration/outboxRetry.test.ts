import { RecordedRequest } from '../fakes/RecordingServer';
import { connectChatday, DeliveryScene } from '../support/DeliveryScene';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * Operators send parked deliveries again with `POST /outbox.retry` (App Secret): every one,
 * those of one source or one item. Each goes back into its conversation's queue at its place in
 * the order the events happened; `status` lists parked items newest first, bounded.
 */
const SIGNATURE = 'cd-signature-retry';

const world = new RapidProWorld();
const scene = new DeliveryScene(world, SIGNATURE, 'retry', 91000, 900);
const { rapidproDelivered, chatdayDelivered, rapidproRoom, chatdayRoom } = scene;

const textOf = (request: RecordedRequest): string | undefined => request.body?.data?.text ?? request.body?.message?.data;





async function status() {
    const answer = await world.call('GET', 'status');
    expect(answer.status).toBe(200);
    return answer.json;
}

async function parkedTotal(): Promise<number> {
    return (await status()).parked.total;
}

/** Waits until `count` more items than `before` are parked, and returns the status then. */
async function parkedUntil(count: number) {
    return waitFor(`${count} parked items`, async () => {
        const current = await status();
        return current.parked.total === count && current;
    }, 20000);
}

const retry = (body?: unknown, headers: Record<string, string> = { Authorization: `Token ${SECRET}` }) => world.request('POST', 'outbox.retry', { body, headers });

/** The receivers refuse every agent message (RapidPro 400, Chatday 404) until `accept()`. */
function refuseEverything(): void {
    world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'ticket is closed' } };
    world.platform.behaviourFor = (request) => (request.path === '/send' ? { kind: 'status', status: 404, body: { message: 'chat not found' } } : undefined);
}

function accept(): void {
    world.rapidpro.behaviour = { kind: 'ok' };
    world.rapidpro.behaviourFor = undefined;
    world.platform.behaviourFor = undefined;
}

beforeAll(async () => {
    await world.start();
    await connectChatday(world, 'cd-token-retry', SIGNATURE, { delivery_retry_base_seconds: 1, delivery_retry_max_seconds: 2 });
});
afterAll(() => world.stop());
afterEach(async () => {
    accept();
    // Nothing parked is left for the next test.
    await retry({});
    await world.outboxIdle();
    expect(await parkedTotal()).toBe(0);
});

describe('POST /outbox.retry', () => {
    it('sends one item again by its id, leaving the others parked', async () => {
        const first = await rapidproRoom();
        const second = await rapidproRoom();
        refuseEverything();
        world.host.agentMessage(first.room, 'agent', 'one');
        world.host.agentMessage(second.room, 'agent', 'two');
        const parked = await parkedUntil(2);
        const one = parked.parked.items.find((item: { room: string }) => item.room === first.room);
        accept();

        const answer = await retry({ item: one.id });
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual({ retried: 1, remaining: 0 });
        await waitFor('the retried item delivered', () => rapidproDelivered(first.ticketID).includes('one'));
        await world.outboxIdle();
        const after = await status();
        expect(after.parked.total).toBe(1);
        expect(after.parked.items.map((item: { room: string }) => item.room)).toEqual([second.room]);
        expect(rapidproDelivered(second.ticketID)).toEqual([]);
        // The receiver got the item itself: the same payload, no longer refused.
        expect(world.rapidpro.delivered().filter((request) => request.body?.ticketID === first.ticketID).map((request) => request.body)).toEqual([
            expect.objectContaining({ type: 'agent-message', ticketID: first.ticketID, data: expect.objectContaining({ text: 'one' }) }),
        ]);
    }, 60000);

    it('sends one source\'s items again, leaving other sources\' parked', async () => {
        const rapidpro = await rapidproRoom();
        const chatday = await chatdayRoom();
        refuseEverything();
        world.host.agentMessage(rapidpro.room, 'agent', 'to RapidPro');
        world.host.agentMessage(chatday.room.id, 'agent', 'to Chatday');
        await parkedUntil(2);
        accept();

        const answer = await retry({ source: 'chatday' });
        expect(answer.json).toEqual({ retried: 1, remaining: 0 });
        await waitFor('the Chatday delivery', () => chatdayDelivered(chatday.chatId).length === 1);
        await world.outboxIdle();
        const after = await status();
        expect(after.parked.items).toEqual([expect.objectContaining({ source: 'rapidpro', room: rapidpro.room })]);
        expect(after.sources.find((source: { source: string }) => source.source === 'chatday').outbox.parked).toBe(0);
        expect(after.sources.find((source: { source: string }) => source.source === 'rapidpro').outbox.parked).toBe(1);
        expect(rapidproDelivered(rapidpro.ticketID)).toEqual([]);
    }, 60000);

    it('sends every parked item again with an empty body', async () => {
        const rapidpro = await rapidproRoom();
        const chatday = await chatdayRoom();
        refuseEverything();
        world.host.agentMessage(rapidpro.room, 'agent', 'again to RapidPro');
        world.host.agentMessage(chatday.room.id, 'agent', 'again to Chatday');
        await parkedUntil(2);
        accept();

        const answer = await retry();
        expect(answer.json).toEqual({ retried: 2, remaining: 0 });
        await waitFor('both deliveries', () => rapidproDelivered(rapidpro.ticketID).length === 1 && chatdayDelivered(chatday.chatId).length === 1);
        expect(rapidproDelivered(rapidpro.ticketID)).toEqual(['again to RapidPro']);
        expect(chatdayDelivered(chatday.chatId)).toEqual(['again to Chatday']);
        expect(await parkedTotal()).toBe(0);
        // Nothing left: a second retry has nothing to do.
        expect((await retry({})).json).toEqual({ retried: 0, remaining: 0 });
    }, 60000);

    it('puts an item back at its place in its conversation: before a later item still waiting', async () => {
        const { ticketID, room } = await rapidproRoom();
        world.rapidpro.behaviourFor = (request) => {
            const text = textOf(request);
            if (text === 'earlier') {
                return { kind: 'status', status: 400, body: { error: 'refused for now' } };
            }
            return text === 'later' ? { kind: 'status', status: 503, body: { error: 'busy' } } : undefined;
        };
        world.host.agentMessage(room, 'agent', 'earlier');
        await parkedUntil(1);
        world.host.agentMessage(room, 'agent', 'later');
        await waitFor('the later item failing', async () => (await status()).sources.find((source: { source: string }) => source.source === 'rapidpro').outbox.retrying.some((item: { room: string; attempts: number }) => item.room === room && item.attempts > 0));
        // The earlier item is accepted now; the later one still fails.
        world.rapidpro.behaviourFor = (request) => (textOf(request) === 'later' ? { kind: 'status', status: 503, body: { error: 'busy' } } : undefined);

        expect((await retry({ source: 'rapidpro' })).json).toEqual({ retried: 1, remaining: 0 });
        // Behind the failing later item it could not go out; it does, so it went back before it.
        await waitFor('the earlier item delivered', () => rapidproDelivered(ticketID).includes('earlier'), 20000);
        expect(rapidproDelivered(ticketID)).toEqual(['earlier']);
        world.rapidpro.behaviourFor = undefined;
        await waitFor('the later item delivered', () => rapidproDelivered(ticketID).length === 2, 20000);
        expect(rapidproDelivered(ticketID)).toEqual(['earlier', 'later']);
    }, 60000);

    it('answers 404 for an item that is not parked, and changes nothing', async () => {
        const { room } = await rapidproRoom();
        refuseEverything();
        world.host.agentMessage(room, 'agent', 'stays parked');
        await parkedUntil(1);
        const answer = await retry({ item: 'no-such-item' });
        expect(answer.status).toBe(404);
        expect(answer.json.error).toContain('no parked item "no-such-item"');
        expect(await parkedTotal()).toBe(1);
    }, 60000);

    it('refuses bad bodies with a 400 naming the problem, and changes nothing', async () => {
        const { room } = await rapidproRoom();
        refuseEverything();
        world.host.agentMessage(room, 'agent', 'stays parked too');
        await parkedUntil(1);
        const cases: Array<[unknown, string]> = [
            [{ source: 'telegram' }, 'unknown source "telegram": one of rapidpro, gitple, chatday, uchat, closer'],
            [{ source: 5 }, '"source" must be a string'],
            [{ source: '  ' }, '"source" is empty'],
            [{ item: '' }, '"item" is empty'],
            [{ item: ['a'] }, '"item" must be a string'],
            [{ source: 'rapidpro', item: 'x' }, 'give "source" or "item", not both'],
            [{ sources: 'rapidpro' }, 'unknown field "sources"'],
            [['rapidpro'], 'the request body must be a JSON object'],
        ];
        for (const [body, error] of cases) {
            const answer = await retry(body);
            expect({ body, status: answer.status, type: answer.headers['content-type'] }).toEqual({ body, status: 400, type: expect.stringContaining('application/json') });
            expect(answer.json.error).toContain(error);
        }
        const notJson = await world.request('POST', 'outbox.retry', { rawBody: 'source=rapidpro', headers: { 'Authorization': `Token ${SECRET}`, 'Content-Type': 'application/x-www-form-urlencoded' } });
        expect(notJson.status).toBe(415);
        const get = await world.request('GET', 'outbox.retry', { headers: { Authorization: `Token ${SECRET}` } });
        expect(get.status).toBe(405);
        expect(await parkedTotal()).toBe(1);
    }, 60000);

    it('requires the App Secret, and changes nothing without it', async () => {
        const { room } = await rapidproRoom();
        refuseEverything();
        world.host.agentMessage(room, 'agent', 'stays parked as well');
        await parkedUntil(1);
        accept();
        const missing = await retry({}, {});
        expect(missing.status).toBe(401);
        const wrong = await retry({}, { Authorization: 'Token not-the-secret' });
        expect(wrong.status).toBe(401);
        expect(JSON.stringify([missing.json, wrong.json])).not.toContain(SECRET);
        expect(await parkedTotal()).toBe(1);
    }, 60000);
});

describe('status lists parked items', () => {
    it('newest first, with source, room, kind, when, the receiver\'s own error text and attempts; 50 at most, with the total', async () => {
        const chatday = await chatdayRoom();
        const { room } = await rapidproRoom();
        refuseEverything();
        world.host.agentMessage(chatday.room.id, 'agent', 'oldest parked');
        await parkedUntil(1);
        for (let i = 1; i <= 52; i += 1) {
            world.host.agentMessage(room, 'agent', `refused ${i}`);
        }
        const listed = (await parkedUntil(53)).parked;
        expect(listed.total).toBe(53);
        expect(listed.items).toHaveLength(50);
        const times = listed.items.map((item: { parkedAt: string }) => item.parkedAt);
        expect([...times].sort().reverse()).toEqual(times);
        expect(listed.items[0]).toEqual({
            id: expect.any(String),
            source: 'rapidpro',
            room,
            kind: 'agent-message',
            queuedAt: expect.any(String),
            parkedAt: expect.any(String),
            attempts: 0,
            reason: 'refused by the receiver: HTTP 400: ticket is closed',
        });
        // The oldest are beyond the bound; the count per source is complete.
        expect(listed.items.some((item: { source: string }) => item.source === 'chatday')).toBe(false);
        const counts = (await status()).sources.map((source: { source: string; outbox: { parked: number } }) => [source.source, source.outbox.parked]);
        expect(Object.fromEntries(counts)).toEqual(expect.objectContaining({ rapidpro: 52, chatday: 1 }));
    }, 90000);
});
