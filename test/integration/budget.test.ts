import { RoundTripCounter } from '../host/RoundTripCounter';
import { ageInstallationSecret } from '../support/ageInstallationSecret';
import { connectChatday } from '../support/DeliveryScene';
import { RapidProWorld } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * Engine round trips per hot path: every accessor or bridge call the app's runtime makes to
 * the server (on a real Rocket.Chat an IPC hop plus, mostly, a MongoDB query). Counts, not
 * times. A window in which one of the app's recurring jobs ran is measured again.
 */
/*
 * The budgets, all met: a RapidPro visitor message 2 (request and its
 * IPostMessageSent: the app's open rooms under the contact's derived visitor token, and the
 * post; the installation secret it is derived from is kept in memory once settled); an agent
 * reply 7 from the message to delivered (the item written and its lane armed, the lane's read of
 * its outbox, the POST, the item removed, and the idle lane's removal of its job with a last look
 * at the outbox; the room's link comes from the process's memory once it has seen it open
 * (OpenLinkCache: the warm-up reply here; a room's first reply on an instance reads it, 8);
 * RapidPro's callback URL comes from the settings kept in memory). Why not 6: a lane that
 * removes its job must look at the outbox after the removal, or an item another instance queued
 * while the job was still there waits for the sweep (15 s); and ordering needs the lane's own
 * read. The look and the removal are paid once per idle lane, not per reply of a busy one;
 * a bridge's inbound text message 5; a refused request 2 (the read
 * and write of its count; an accepted request pays nothing for counting); a room an agent closes 13
 * from the close to close-room delivered (the link read twice, the closed-day index entry, the
 * link rewritten, its open marker removed, the item written and its lane armed, the lane's two
 * reads (a close waits 1.5 s for the room's last replies), the POST, the item removed, the idle
 * lane's removal and last look); a ticket RapidPro closes 11
 * (request and the close event: the pointer and link, the link again under the lock, the index
 * entry, the link rewritten, the marker removed, the room read, the app user, the close, and the
 * event's two reads of the link, closed already). Each close costs one write more than before the
 * index; the first close of a UTC day in an app process one more again (the day registered).
 */
const BUDGET = { visitorMessage: 2, agentReply: 7, bridgeMessage: 5, agentClose: 13, rapidProClose: 11, refusal: 2 };

const CHATDAY_SIGNATURE = 'budget-chatday-signature';

describe('engine round trips per hot path', () => {
    const world = new RapidProWorld();
    const counter = RoundTripCounter.install();

    beforeAll(async () => {
        await world.start();
        await connectChatday(world, 'budget-chatday-token', CHATDAY_SIGNATURE);
        // A first ticket makes the installation secret; then the installation is as old as any in use.
        await world.openTicket('0b0b0b0b-0000-4000-8000-000000000000', '880000');
        expect(ageInstallationSecret(world.host)).toBe(1);
        await world.outboxIdle();
    });
    afterAll(() => world.stop());

    const recurringRuns = () => world.host.scheduledJobs(world.appId)
        .filter((job) => job.type === 'single')
        .map((job) => `${job.name}@${job.lastRunAt?.getTime() ?? 0}`)
        .join(',');

    /** Round trips of `action` (which must wait for its own end), by method; again if a recurring job ran meanwhile. */
    async function measure(action: () => Promise<void>): Promise<{ total: number; calls: Record<string, number> }> {
        for (let attempt = 0; attempt < 5; attempt += 1) {
            await world.host.events.settle();
            const jobsBefore = recurringRuns();
            const before = counter.snapshot();
            await action();
            await world.host.events.settle();
            const calls = Object.fromEntries(counter.since(before));
            if (recurringRuns() === jobsBefore) {
                return { total: Object.values(calls).reduce((sum, count) => sum + count, 0), calls };
            }
        }
        throw new Error('a recurring job ran during every measurement window');
    }

    it(`a RapidPro visitor message costs at most ${BUDGET.visitorMessage} (request and its IPostMessageSent: one read, one write)`, async () => {
        await world.openTicket('0b0b0b0b-0000-4000-8000-000000000001', '880001');
        await world.call('POST', 'visitor-message', { visitor: { token: '880001' }, text: 'warm-up' });
        const cost = await measure(async () => {
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '880001' }, text: 'counted' });
            expect(answer.status).toBe(201);
        });
        process.stdout.write(`visitor message: ${JSON.stringify(cost)}\n`);
        expect(cost.total).toBeLessThanOrEqual(BUDGET.visitorMessage);
    });

    it(`an agent reply costs at most ${BUDGET.agentReply} from the agent's message to delivered (durable outbox)`, async () => {
        const ticketID = '0b0b0b0b-0000-4000-8000-000000000002';
        const roomId = await world.openTicket(ticketID, '880002');
        world.host.agentMessage(roomId, 'agent', 'warm-up');
        await world.outboxIdle();
        const cost = await measure(async () => {
            const before = world.rapidpro.delivered().length;
            world.host.agentMessage(roomId, 'agent', 'counted reply');
            await waitFor('the reply delivered', () => world.rapidpro.delivered().length > before);
            // The lane run ends (its last look included) before the count is read: no job of the app is running.
            await waitFor('the delivery run over', () => world.host.scheduledJobs(world.appId).every((job) => !job.lockedAt));
        });
        process.stdout.write(`agent reply: ${JSON.stringify(cost)}\n`);
        expect(world.rapidpro.delivered().filter((call) => call.body?.data?.text === 'counted reply')).toHaveLength(1);
        expect(cost.total).toBeLessThanOrEqual(BUDGET.agentReply);
    });

    let warmUps = 0;
    /** A first close today: the first close of a UTC day in an app process also registers the day in the closed-day index (one write more). */
    async function closedToday(): Promise<void> {
        warmUps += 1;
        const roomId = await world.openTicket(`0b0b0b0b-0000-4000-8000-0000000009${String(warmUps).padStart(2, '0')}`, String(880900 + warmUps));
        world.host.closeAsAgent(roomId, 'agent');
        await world.outboxIdle();
    }

    it(`a room an agent closes costs at most ${BUDGET.agentClose} from the close to RapidPro's close-room delivered`, async () => {
        await closedToday();
        const ticketID = '0b0b0b0b-0000-4000-8000-000000000003';
        const roomId = await world.openTicket(ticketID, '880003');
        await world.outboxIdle();
        const cost = await measure(async () => {
            world.host.closeAsAgent(roomId, 'agent', 'done');
            await waitFor('the close-room delivered', () => world.rapidpro.delivered().some((call) => call.body?.ticketID === ticketID && call.body?.type === 'close-room'));
            await waitFor('the delivery run over', () => world.host.scheduledJobs(world.appId).every((job) => !job.lockedAt));
        });
        process.stdout.write(`agent close: ${JSON.stringify(cost)}\n`);
        expect(cost.total).toBeLessThanOrEqual(BUDGET.agentClose);
    });

    it(`a ticket RapidPro closes costs at most ${BUDGET.rapidProClose} (room.close and the IPostLivechatRoomClosed it causes)`, async () => {
        await closedToday();
        const roomId = await world.openTicket('0b0b0b0b-0000-4000-8000-000000000004', '880004');
        await world.outboxIdle();
        const cost = await measure(async () => {
            expect((await world.call('GET', 'room.close', { visitor: { token: '880004' } })).status).toBe(204);
        });
        process.stdout.write(`RapidPro close: ${JSON.stringify(cost)}\n`);
        expect(world.room(roomId).isOpen).toBeUndefined();
        expect(cost.total).toBeLessThanOrEqual(BUDGET.rapidProClose);
    });

    it(`a bridge's inbound text message costs at most ${BUDGET.bridgeMessage} (Chatday, request and its IPostMessageSent)`, async () => {
        const say = (id: string, text: string) => world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE }, body: { chat_id: 770001, message: { id, type: 'text', data: text } } });
        expect((await say('b1', 'opens the room')).status).toBe(200);
        expect((await say('b2', 'warm-up')).status).toBe(200);
        const cost = await measure(async () => {
            expect((await say('b3', 'counted')).status).toBe(200);
        });
        process.stdout.write(`bridge message: ${JSON.stringify(cost)}\n`);
        expect(cost.total).toBeLessThanOrEqual(BUDGET.bridgeMessage);
    });

    it('status costs the same number of round trips whatever the number of rooms and parked items', async () => {
        const status = async () => {
            const answer = await world.call('GET', 'status');
            expect(answer.status).toBe(200);
        };
        await status();
        const few = await measure(status);
        world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'refused' } };
        try {
            for (let i = 0; i < 20; i += 1) {
                const roomId = await world.openTicket(`0b0b0b0b-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`, String(880100 + i));
                world.host.agentMessage(roomId, 'agent', 'parked');
            }
            await world.outboxIdle();
            // The lane runs end (their last looks included) before anything is counted.
            await waitFor('the delivery runs over', () => world.host.scheduledJobs(world.appId).every((job) => !job.lockedAt));
        } finally {
            world.rapidpro.behaviour = { kind: 'ok' };
        }
        await status();
        const many = await measure(status);
        process.stdout.write(`status: ${JSON.stringify({ few, many })}\n`);
        expect(many.total).toBe(few.total);
    });

    it('metrics cost the same number of round trips whatever the number of rooms', async () => {
        await world.host.setSetting(world.appId, 'metrics_token', 'budget-metrics-token');
        await world.host.events.settle();
        const metrics = async () => {
            const answer = await world.request('GET', 'metrics', { headers: { Authorization: 'Bearer budget-metrics-token' } });
            expect(answer.status).toBe(200);
        };
        await metrics();
        const few = await measure(metrics);
        for (let i = 0; i < 30; i += 1) {
            await world.openTicket(`0b0b0b0b-0000-4000-8000-0000000002${String(i).padStart(2, '0')}`, String(880200 + i));
        }
        await metrics();
        const many = await measure(metrics);
        process.stdout.write(`metrics: ${JSON.stringify({ few, many })}\n`);
        expect(many.total).toBe(few.total);
    });

    it(`a refused request costs at most ${BUDGET.refusal}: its count, on the refusal path only`, async () => {
        const refused = async () => {
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '880001' }, text: 'guess' }, { Authorization: 'Token wrong-secret' });
            expect(answer.status).toBe(401);
        };
        await refused();
        const cost = await measure(refused);
        process.stdout.write(`refusal: ${JSON.stringify(cost)}\n`);
        expect(cost.total).toBeLessThanOrEqual(BUDGET.refusal);
    });
});
