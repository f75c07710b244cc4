import { ILogger, IModify, IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { appMutex } from '../concurrency/KeyedMutex';
import { LaneScheduler } from './LaneScheduler';
import { ParkedItem } from './OutboxItem';
import { OutboxStore } from './OutboxStore';
import { ParkedIndexStore } from './ParkedIndexStore';

/** Which parked items to send again: every one, those of one source, or one item by its id. */
export type RetrySelection = { all: true } | { source: string } | { item: string };

export interface RetryOutcome {
    /** Items put back in their conversations' queues. */
    retried: number;
    /** Items of the selection still parked (more than one call takes: call again). */
    remaining: number;
}

/**
 * At most this many items go back per call: each costs two writes, and Rocket.Chat gives a
 * call into the app 30 seconds. The oldest go first, so a conversation's items go back in order.
 */
const RETRY_BATCH = 200;

async function selected(store: OutboxStore, selection: RetrySelection): Promise<Array<ParkedItem>> {
    if ('item' in selection) {
        return store.parkedItem(selection.item);
    }
    return 'source' in selection ? store.parkedOf(selection.source) : store.allParked();
}

/**
 * Sends parked items again: each goes back into its conversation's queue at its original place
 * (the order the events happened in Rocket.Chat), due now, attempts and age reset; the
 * sources' parked indexes are rewritten and their delivery lanes armed. Undefined when the one
 * item asked for is not parked. Retries inside one app process run one at a time.
 */
export async function retryParked(reader: IPersistenceRead, persistence: IPersistence, modify: IModify, logger: ILogger, selection: RetrySelection, now = new Date()): Promise<RetryOutcome | undefined> {
    return appMutex.run('outbox-retry', async () => {
        const store = new OutboxStore(reader, persistence);
        const parked = await selected(store, selection);
        if ('item' in selection && parked.length === 0) {
            return undefined;
        }
        const batch = parked.slice(0, RETRY_BATCH);
        for (const item of batch) {
            await store.requeue(item, now);
            logger.debug(`${item.source}: parked ${item.kind} ${item.id} of ${item.conversationId} retried by an operator`);
        }
        const sources = [...new Set(batch.map((item) => item.source))];
        const indexes = new ParkedIndexStore(reader, persistence);
        const lanes = new LaneScheduler(modify);
        for (const source of sources) {
            await indexes.rebuild(source, (of) => store.parkedOf(of));
            await lanes.arm(source);
            logger.info(`${source}: ${batch.filter((item) => item.source === source).length} parked deliveries retried by an operator`);
        }
        return { retried: batch.length, remaining: parked.length - batch.length };
    });
}
