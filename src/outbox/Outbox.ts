import { IModify, IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { requestDelivery } from './DeliveryJobs';
import { OutboxItem } from './OutboxItem';
import { nextSequence, OutboxStore } from './OutboxStore';

export interface NewDelivery {
    source: string;
    conversationId: string;
    kind: string;
    payload: Record<string, unknown>;
}

/** Puts a delivery in the durable outbox (persisted before returning) and asks for it to be sent now. */
export async function enqueueDelivery(reader: IPersistenceRead, persistence: IPersistence, modify: IModify, delivery: NewDelivery, now = new Date()): Promise<OutboxItem> {
    const item: OutboxItem = {
        ...delivery,
        id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`,
        sequence: nextSequence(now.getTime()),
        createdAt: now.toISOString(),
        attempts: 0,
        nextAttemptAt: now.toISOString(),
    };
    await new OutboxStore(reader, persistence).add(item);
    await requestDelivery(modify, item.conversationId, now);
    return item;
}
