import { Attempt } from '../fakes/RecordingServer';
import { ScheduledJob } from '../host/bridges/HostSchedulerBridge';
import { connectChatday, DeliveryScene, sendsTo } from '../support/DeliveryScene';
import { RapidProWorld } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * Delivery under Rocket.Chat's Agenda (one running job per name and instance, a waiting job of
 * a busy name holding up the rest): a hanging receiver delays only its own conversations, the
 * outbox never piles up scheduler jobs, a pending job survives an engine restart, and status
 * keeps the reason an item was parked.
 */
const SIGNATURE = 'cd-signature-delivery';
const CHATDAY_TOKEN = 'cd-token-delivery';

const world = new RapidProWorld();
const scene = new DeliveryScene(world, SIGNATURE, 'delivery', 80000, 700);
const { rapidproDelivered, chatdayDelivered, rapidproRoom, chatdayRoom } = scene;


function chatdayAttempts(chatId: string): Array<Attempt> {
    return world.platform.attempts.filter((attempt) => sendsTo(chatId)(attempt.request));
}





/** The delivery lanes' jobs waiting to run (the recurring sweep left out). */
function pendingDeliveryJobs(): Array<ScheduledJob> {
    return world.host.scheduledJobs(world.appId).filter((job) => job.name.startsWith('outbox-lane-') && job.nextRunAt !== null);
}

async function status(source: string) {
    const answer = await world.call('GET', 'status');
    return answer.json.sources.find((entry: { source: string }) => entry.source === source);
}

/** The parked item of a room, as status lists it (every source's newest parked items). */
async function parkedOf(room: string) {
    const answer = await world.call('GET', 'status');
    return answer.json.parked.items.find((item: { room: string }) => item.room === room);
}

beforeAll(async () => {
    await world.start();
    await connectChatday(world, CHATDAY_TOKEN, SIGNATURE, { delivery_retry_base_seconds: 1, delivery_retry_max_seconds: 2 });
});
afterAll(() => world.stop());
afterEach(async () => {
    world.platform.behaviour = { kind: 'ok' };
    world.platform.behaviourFor = undefined;
    world.rapidpro.behaviour = { kind: 'ok' };
    await world.settings({ delivery_timeout_seconds: 15, delivery_retry_base_seconds: 1, delivery_retry_max_seconds: 2, delivery_max_age_hours: 24 });
});

describe('a hanging receiver delays only its own conversations', () => {
    it('delivers to RapidPro while a Chatday attempt hangs (another source)', async () => {
        await world.settings({ delivery_timeout_seconds: 6 });
        const stuck = await chatdayRoom();
        const flowing = await rapidproRoom();
        world.platform.behaviourFor = (request) => (request.path === '/send' ? { kind: 'hang', ms: 30000 } : undefined);
        world.host.agentMessage(stuck.room.id, 'agent', 'stuck at Chatday');
        await waitFor('the Chatday attempt to hang', () => chatdayAttempts(stuck.chatId).some((attempt) => attempt.answer === 'pending'));
        world.host.agentMessage(flowing.room, 'agent', 'flows to RapidPro');
        await waitFor('the RapidPro delivery', () => rapidproDelivered(flowing.ticketID).length === 1);
        // the Chatday call was still waiting for its answer when RapidPro got its message
        expect(chatdayAttempts(stuck.chatId).map((attempt) => attempt.answer)).toEqual(['pending']);
        world.platform.behaviourFor = undefined;
        await waitFor('the retried Chatday delivery', () => chatdayDelivered(stuck.chatId).length === 1, 30000);
        expect(chatdayDelivered(stuck.chatId)).toEqual(['stuck at Chatday']);
        expect(rapidproDelivered(flowing.ticketID)).toEqual(['flows to RapidPro']);
    }, 60000);

    it('delivers another conversation of the same source while one conversation\'s attempt hangs', async () => {
        await world.settings({ delivery_timeout_seconds: 6 });
        const stuck = await chatdayRoom();
        const flowing = await chatdayRoom();
        world.platform.behaviourFor = (request) => (sendsTo(stuck.chatId)(request) ? { kind: 'hang', ms: 30000 } : undefined);
        world.host.agentMessage(stuck.room.id, 'agent', 'stuck');
        await waitFor('the stuck attempt to hang', () => chatdayAttempts(stuck.chatId).some((attempt) => attempt.answer === 'pending'));
        world.host.agentMessage(flowing.room.id, 'agent', 'first');
        world.host.agentMessage(flowing.room.id, 'agent', 'second');
        await waitFor('both deliveries of the other conversation', () => chatdayDelivered(flowing.chatId).length === 2);
        expect(chatdayAttempts(stuck.chatId).map((attempt) => attempt.answer)).toEqual(['pending']);
        expect(chatdayDelivered(flowing.chatId)).toEqual(['first', 'second']);
        world.platform.behaviourFor = undefined;
        await waitFor('the retried delivery', () => chatdayDelivered(stuck.chatId).length === 1, 30000);
    }, 60000);
});

describe('scheduler jobs', () => {
    it('keeps at most one pending job per source through an outage with sweeps, then delivers each item once, in order', async () => {
        const rooms = [await rapidproRoom(), await rapidproRoom(), await rapidproRoom()];
        const chats = [await chatdayRoom(), await chatdayRoom()];
        const port = Number(new URL(world.rapidpro.callbackUrl).port);
        await world.rapidpro.stop();
        world.platform.behaviour = { kind: 'status', status: 503 };
        const mostPending = { rapidpro: 0, chatday: 0, all: 0 };
        try {
            for (const text of ['one', 'two']) {
                rooms.forEach(({ room }) => world.host.agentMessage(room, 'agent', text));
                chats.forEach(({ room }) => world.host.agentMessage(room.id, 'agent', text));
            }
            await world.host.events.settle();
            const outageStart = Date.now();
            const sweepRuns = new Set<number>();
            await waitFor('two sweeps during the outage', () => {
                const sweep = world.host.scheduledJobs(world.appId).find((job) => job.name === 'outbox-sweep');
                if (sweep?.lastRunAt && sweep.lastRunAt.getTime() > outageStart) {
                    sweepRuns.add(sweep.lastRunAt.getTime());
                }
                const pending = pendingDeliveryJobs();
                mostPending.rapidpro = Math.max(mostPending.rapidpro, pending.filter((job) => job.name === 'outbox-lane-rapidpro').length);
                mostPending.chatday = Math.max(mostPending.chatday, pending.filter((job) => job.name === 'outbox-lane-chatday').length);
                mostPending.all = Math.max(mostPending.all, pending.length);
                return sweepRuns.size >= 2;
            }, 45000, 100);
        } finally {
            await world.rapidpro.start(port);
            world.platform.behaviour = { kind: 'ok' };
        }
        // one pending job per source at most: never one per item or per conversation
        expect(mostPending.rapidpro).toBe(1);
        expect(mostPending.chatday).toBe(1);
        expect(mostPending.all).toBeLessThanOrEqual(2);
        expect(world.host.httpCalls().filter((call) => call.url.startsWith(world.rapidpro.origin) && call.outcome === 'refused').length).toBeGreaterThan(3);
        await waitFor('every item', () => rooms.every(({ ticketID }) => rapidproDelivered(ticketID).length === 2) && chats.every(({ chatId }) => chatdayDelivered(chatId).length === 2), 30000);
        await waitFor('an idle outbox', async () => (await status('rapidpro')).outbox.queued === 0 && (await status('chatday')).outbox.queued === 0);
        for (const { ticketID } of rooms) {
            expect(rapidproDelivered(ticketID)).toEqual(['one', 'two']);
        }
        for (const { chatId } of chats) {
            expect(chatdayDelivered(chatId)).toEqual(['one', 'two']);
        }
        // A lane with nothing left removes its job.
        await waitFor('no lane job left', () => pendingDeliveryJobs().length === 0);
    }, 120000);

    it('keeps a pending delivery job through an engine restart; that job delivers', async () => {
        await world.settings({ delivery_retry_base_seconds: 8, delivery_retry_max_seconds: 8 });
        const { ticketID, room } = await rapidproRoom();
        world.rapidpro.behaviour = { kind: 'status', status: 503 };
        world.host.agentMessage(room, 'agent', 'across the restart');
        await waitFor('the refused attempt', () => world.rapidpro.attempts.some((attempt) => attempt.request.body?.ticketID === ticketID && attempt.status === 503));
        const [before] = await waitFor('the lane job armed for the retry', () => {
            const jobs = pendingDeliveryJobs().filter((job) => job.name === 'outbox-lane-rapidpro' && job.nextRunAt && job.nextRunAt.getTime() > Date.now());
            return jobs.length === 1 && jobs;
        });
        await world.host.reloadEngine();
        world.rapidpro.behaviour = { kind: 'ok' };
        const after = pendingDeliveryJobs().filter((job) => job.name === 'outbox-lane-rapidpro');
        expect(after.map((job) => job.id)).toEqual([before.id]);
        await waitFor('the delivery after the restart', () => rapidproDelivered(ticketID).length === 1, 30000);
        await waitFor('the job to be done', () => !world.host.scheduledJobs(world.appId).some((job) => job.id === before.id));
        expect(rapidproDelivered(ticketID)).toEqual(['across the restart']);
    }, 60000);
});

describe('status', () => {
    it('keeps the reason an item was parked when later, unrelated errors replace lastError', async () => {
        const refused = await chatdayRoom();
        const failing = await chatdayRoom();
        world.platform.behaviourFor = (request) => {
            if (sendsTo(refused.chatId)(request)) {
                return { kind: 'status', status: 404, body: { message: 'chat not found' } };
            }
            return sendsTo(failing.chatId)(request) ? { kind: 'status', status: 503, body: { message: 'down for maintenance' } } : undefined;
        };
        world.host.agentMessage(refused.room.id, 'agent', 'never accepted');
        await waitFor('the parked item', () => parkedOf(refused.room.id));
        world.host.agentMessage(failing.room.id, 'agent', 'tried again later');
        const chatday = await waitFor('the later error', async () => {
            const current = await status('chatday');
            return current.lastError?.message.includes('down for maintenance') && current.outbox.retrying.length > 0 && current;
        });
        expect(await parkedOf(refused.room.id)).toEqual(expect.objectContaining({ source: 'chatday', kind: 'agent-message', attempts: 0, reason: 'refused by the receiver: HTTP 404: chat not found' }));
        expect(chatday.outbox.retrying.find((item: { room: string }) => item.room === failing.room.id)).toEqual(expect.objectContaining({ kind: 'agent-message', lastError: 'HTTP 503: down for maintenance' }));
        expect(chatday.lastError.message).toBe('agent-message: HTTP 503: down for maintenance');
        world.platform.behaviourFor = undefined;
        await waitFor('the retried delivery', () => chatdayDelivered(failing.chatId).length === 1, 20000);
        expect((await status('chatday')).outbox.retrying).toEqual([]);
    }, 40000);
});

describe('partners answering JSON with another content type', () => {
    it('reads RapidPro\'s error text from a JSON answer sent as text/plain', async () => {
        const { room } = await rapidproRoom();
        world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'unable to fetch attachment' }, headers: { 'content-type': 'text/plain; charset=utf-8' } };
        world.host.agentMessage(room, 'agent', 'refused');
        const parked = await waitFor('the parked item', () => parkedOf(room));
        expect(parked.reason).toBe('refused by the receiver: HTTP 400: unable to fetch attachment');
    });

    it('copies RapidPro history served as text/html', async () => {
        await world.settings({ rapidpro_api_token: 'rp-api-token-delivery' });
        world.rapidpro.historyContentType = 'text/html; charset=utf-8';
        world.rapidpro.history = [{ id: 1, direction: 'in', text: 'from a proxy that renames types', created_on: new Date(Date.now() - 60000).toISOString() }];
        try {
            const roomId = await world.openTicket('history-as-html', '89001', { visitor: { token: '89001', name: 'Ana', contactUUID: 'c0ffee00-0000-4000-8000-000000000089' } });
            const history = await waitFor('the history message', () => world.messages(roomId).find((message) => message.text?.startsWith('Conversation history')));
            expect(history.text).toContain('Ana: from a proxy that renames types');
        } finally {
            world.rapidpro.historyContentType = 'application/json';
            world.rapidpro.history = [];
            await world.settings({ rapidpro_api_token: '' });
        }
    });
});
