import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';
import { OutboxItem, ParkedItem } from './OutboxItem';
import { ParkedIndexStore } from './ParkedIndexStore';

let counter = 0;

/**
 * A sortable sequence: when the event happened (ms), its rank among events of the same
 * millisecond (a close after the messages), then a per-process counter.
 */
export function nextSequence(eventTime: number, rank = 0): string {
    counter = (counter + 1) % 1e9;
    return `${String(eventTime).padStart(15, '0')}-${rank}-${String(counter).padStart(9, '0')}`;
}

type ItemIdentity = Pick<OutboxItem, 'id' | 'conversationId' | 'source'>;

const itemKeys = (item: ItemIdentity): Array<RocketChatAssociationRecord> => [
    AssociationKeys.kind('outbox-item'),
    AssociationKeys.outboxQueue(item.conversationId),
    AssociationKeys.outboxItem(item.id),
    AssociationKeys.outboxSource(item.source),
];

const parkedKeys = (item: ItemIdentity): Array<RocketChatAssociationRecord> => [
    AssociationKeys.kind('outbox-parked'),
    AssociationKeys.outboxParked(item.conversationId),
    AssociationKeys.outboxItem(item.id),
    AssociationKeys.outboxSource(item.source),
];

const bySequence = (a: OutboxItem, b: OutboxItem): number => (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0);

/**
 * The durable outbox: one persistence record per item, so enqueueing is a single insert
 * (safe with several Rocket.Chat instances) and survives restarts.
 */
export class OutboxStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async add(item: OutboxItem): Promise<void> {
        await requireWriter(this.writer, 'OutboxStore').createWithAssociations(item, itemKeys(item));
    }

    /** The conversation's waiting items, oldest first. */
    public async queue(conversationId: string): Promise<Array<OutboxItem>> {
        const items = (await this.reader.readByAssociations([AssociationKeys.kind('outbox-item'), AssociationKeys.outboxQueue(conversationId)])) as Array<OutboxItem>;
        return items.sort(bySequence);
    }

    /** The waiting items of one source (what its delivery lane works on), oldest first. */
    public async waitingOf(source: string): Promise<Array<OutboxItem>> {
        const items = (await this.reader.readByAssociations([AssociationKeys.kind('outbox-item'), AssociationKeys.outboxSource(source)])) as Array<OutboxItem>;
        return items.sort(bySequence);
    }

    /** Every waiting item, oldest first. */
    public async allWaiting(): Promise<Array<OutboxItem>> {
        return ((await this.reader.readByAssociations([AssociationKeys.kind('outbox-item')])) as Array<OutboxItem>).sort(bySequence);
    }

    /** Every parked item, oldest event first (each source's and conversation's order). */
    public async allParked(): Promise<Array<ParkedItem>> {
        return ((await this.reader.readByAssociations([AssociationKeys.kind('outbox-parked')])) as Array<ParkedItem>).sort(bySequence);
    }

    /** The parked items of one source, oldest event first. */
    public async parkedOf(source: string): Promise<Array<ParkedItem>> {
        return ((await this.reader.readByAssociations([AssociationKeys.kind('outbox-parked'), AssociationKeys.outboxSource(source)])) as Array<ParkedItem>).sort(bySequence);
    }

    /** One parked item by its id (none when it is not parked). */
    public async parkedItem(id: string): Promise<Array<ParkedItem>> {
        return (await this.reader.readByAssociations([AssociationKeys.kind('outbox-parked'), AssociationKeys.outboxItem(id)])) as Array<ParkedItem>;
    }

    /** Changes a waiting item; an item delivered or parked meanwhile stays gone (upsert off). */
    public async update(item: OutboxItem): Promise<void> {
        await requireWriter(this.writer, 'OutboxStore').updateByAssociations(itemKeys(item), item, false);
    }

    public async remove(item: OutboxItem): Promise<void> {
        await requireWriter(this.writer, 'OutboxStore').removeByAssociations(itemKeys(item));
    }

    /** Moves an item out of the queue into the parked list (kept for operators with the reason; sent again only when an operator retries it). */
    public async park(item: OutboxItem, reason: string, now: Date): Promise<void> {
        const parked: ParkedItem = { ...item, parkedAt: now.toISOString(), reason };
        await requireWriter(this.writer, 'OutboxStore').createWithAssociations(parked, parkedKeys(item));
        await this.remove(item);
        await new ParkedIndexStore(this.reader, this.writer).added(parked, (source) => this.parkedOf(source));
    }

    /**
     * Puts a parked item back in its conversation's queue, at its place among the events of that
     * conversation (its sequence is kept), due now, with its attempts and age starting afresh. The
     * waiting record is written before the parked one is removed: a failure in between leaves it
     * in both lists (sent at least once), never in neither.
     */
    public async requeue(item: ParkedItem, now: Date): Promise<OutboxItem> {
        const { parkedAt: _parkedAt, reason: _reason, lastError: _lastError, ...rest } = item;
        const waiting: OutboxItem = { ...rest, attempts: 0, createdAt: now.toISOString(), nextAttemptAt: now.toISOString() };
        await this.add(waiting);
        await requireWriter(this.writer, 'OutboxStore').removeByAssociations(parkedKeys(item));
        return waiting;
    }
}
