import { RoundTripCounter } from '../test/host/RoundTripCounter';
import { appRecords, recordBytes } from '../test/support/appRecords';
import { RapidProWorld } from '../test/support/RapidProWorld';
import { runRetentionNow } from '../test/support/runRetentionNow';
import { waitFor } from '../test/support/waitFor';

/** Records and bytes per conversation. */
export interface Footprint {
    records: number;
    bytes: number;
}

export interface FinishedConversationsFootprint {
    conversations: number;
    /** What each finished conversation leaves until it has been closed `retention_days`. */
    beforePurge: Footprint;
    /** What each leaves once the retention job has run. */
    afterPurge: Footprint;
    /** Engine round trips of the daily job and the purge, per conversation forgotten. */
    purgeRoundTrips: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * `count` finished RapidPro conversations (opened, 3 contact messages, 2 agent replies delivered,
 * closed by the agent 181 days ago: past the default `retention_days` of 180), and what they
 * leave in app persistence before and after the retention job (the daily job's next run moved
 * to now). Closing a room as of an earlier time is the local Rocket.Chat's stand-in for waiting.
 */
export async function measureFinishedConversations(world: RapidProWorld, counter: RoundTripCounter, count: number): Promise<FinishedConversationsFootprint> {
    const footprint = (): Footprint => {
        const records = appRecords(world.host, world.appId);
        return { records: records.length, bytes: recordBytes(records) };
    };
    const perConversation = (after: Footprint, before: Footprint): Footprint => ({
        records: Math.round(((after.records - before.records) / count) * 100) / 100,
        bytes: Math.round((after.bytes - before.bytes) / count),
    });
    await world.outboxIdle();
    const start = footprint();
    const rooms: Array<string> = [];
    for (let i = 0; i < count; i++) {
        const token = `f${i}`;
        const roomId = await world.openTicket(`finished-${i}`, token);
        for (const text of ['hello', 'my order is late', 'thanks']) {
            await world.call('POST', 'visitor-message', { visitor: { token }, text });
        }
        world.host.agentMessage(roomId, 'agent', 'looking into it');
        world.host.agentMessage(roomId, 'agent', 'on its way');
        rooms.push(roomId);
    }
    await waitFor('every reply delivered', () => world.rapidpro.delivered().filter((call) => String(call.body?.ticketID).startsWith('finished-')).length >= count * 2, 120000);
    const agent = world.host.store.userByUsername('agent');
    for (const roomId of rooms) {
        world.host.livechat.closeRoom(roomId, 'done', agent, 'user', new Date(Date.now() - 181 * DAY_MS));
    }
    await world.outboxIdle(120000);
    const closed = footprint();
    const before = counter.total();
    await runRetentionNow(world.host, world.appId, 300000);
    const purgeRoundTrips = Math.round(((counter.total() - before) / count) * 10) / 10;
    return { conversations: count, beforePurge: perConversation(closed, start), afterPurge: perConversation(footprint(), start), purgeRoundTrips };
}
