import { IModify, IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { requestDelivery } from './DeliveryJobs';
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

/** Puts a delivery in the durable outbox (persisted before returning) and asks for it to be sent. */
export async function enqueueDelivery(reader: IPersistenceRead, persistence: IPersistence, modify: IModify, delivery: NewDelivery, now = new Date()): Promise<OutboxItem> {
    const { happenedAt, rank, notBefore, ...rest } = delivery;
    const due = notBefore && notBefore > now ? notBefore : now;
    const item: OutboxItem = {
        ...rest,
        id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
        sequence: nextSequence(happenedAt.getTime(), rank),
        createdAt: now.toISOString(),
        attempts: 0,
        nextAttemptAt: due.toISOString(),
    };
    await new OutboxStore(reader, persistence).add(item);
    await requestDelivery(modify, item.conversationId, due);
    return item;
}
