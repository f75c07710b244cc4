import { IModify, IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { freshItemHints } from './freshItemHints';
import { LaneScheduler } from './LaneScheduler';
import { LANE_TIMING } from './laneTiming';
import { OutboxItem } from './OutboxItem';
import { nextSequence, OutboxStore } from './OutboxStore';

export interface NewDelivery {
    source: string;
    conversationId: string;
    kind: string;
    payload: Record<string, unknown>;
    /** When the event happened in Rocket.Chat: deliveries of a conversation go out in this order, whatever order their handlers ran in. */
    happenedAt: Date;
    /** Orders events of the same millisecond (0 messages, 1 closes). */
    rank?: number;
    /** Not sent before this time (a close waits briefly for messages whose handlers are still running). */
    notBefore?: Date;
}

/**
 * Puts deliveries in the durable outbox (persisted before returning) and arms their source's
 * lane. An item is due ORDER_GRACE_MS after its event happened (or later, `notBefore`).
 */
export async function enqueueDeliveries(reader: IPersistenceRead, persistence: IPersistence, modify: IModify, deliveries: ReadonlyArray<NewDelivery>, now = new Date()): Promise<Array<OutboxItem>> {
    const store = new OutboxStore(reader, persistence);
    const items: Array<OutboxItem> = [];
    for (const delivery of deliveries) {
        const { happenedAt, rank, notBefore, ...rest } = delivery;
        const due = new Date(Math.max(now.getTime(), happenedAt.getTime() + LANE_TIMING.ORDER_GRACE_MS, notBefore?.getTime() ?? 0));
        const item: OutboxItem = {
            ...rest,
            id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
            sequence: nextSequence(happenedAt.getTime(), rank),
            createdAt: now.toISOString(),
            attempts: 0,
            nextAttemptAt: due.toISOString(),
        };
        await store.add(item);
        items.push(item);
    }
    const lanes = new LaneScheduler(modify);
    for (const source of new Set(items.map((item) => item.source))) {
        const due = Math.min(...items.filter((item) => item.source === source).map((item) => Date.parse(item.nextAttemptAt)));
        freshItemHints.note(source, new Date(due));
        await lanes.arm(source);
    }
    return items;
}

export async function enqueueDelivery(reader: IPersistenceRead, persistence: IPersistence, modify: IModify, delivery: NewDelivery, now = new Date()): Promise<OutboxItem> {
    const [item] = await enqueueDeliveries(reader, persistence, modify, [delivery], now);
    return item;
}
