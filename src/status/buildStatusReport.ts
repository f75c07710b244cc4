import { IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { PendingInboundEvents } from '../bridges/PendingInboundEvents';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { conversationHeads } from '../outbox/conversationHeads';
import { OutboxItem, ParkedItem } from '../outbox/OutboxItem';
import { OutboxStore } from '../outbox/OutboxStore';
import { AppSettings } from '../settings/AppSettings';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { sourceConfigurations } from './sourceConfiguration';

/** How many retrying conversations and parked items status lists per source. */
const LISTED = 10;

/** Conversations whose first item has failed at least once: what fails, how often, and when it is tried next. */
function retrying(items: ReadonlyArray<OutboxItem>): Array<object> {
    return conversationHeads(items)
        .filter((item) => item.attempts > 0)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .slice(0, LISTED)
        .map((item) => ({ room: item.conversationId, kind: item.kind, queuedAt: item.createdAt, attempts: item.attempts, nextAttemptAt: item.nextAttemptAt, lastError: item.lastError ?? null }));
}

/** Parked items, newest first, each with the reason it was parked (kept with the item, never overwritten). */
function parkedItems(items: ReadonlyArray<ParkedItem>): Array<object> {
    return [...items]
        .sort((a, b) => b.parkedAt.localeCompare(a.parkedAt))
        .slice(0, LISTED)
        .map((item) => ({ id: item.id, room: item.conversationId, kind: item.kind, queuedAt: item.createdAt, parkedAt: item.parkedAt, attempts: item.attempts, reason: item.reason }));
}

/** Health per source for operators: switches, open rooms, traffic, outbox, delivery errors, events waiting for an agent. Never a secret. */
export async function buildStatusReport(read: IRead, persistence: IPersistence, settings: AppSettings): Promise<object> {
    const reader = read.getPersistenceReader();
    const links = new ConversationLinkStore(reader);
    const stats = new SourceStatsStore(reader, persistence);
    await stats.flush();
    const outbox = new OutboxStore(reader);
    const [waiting, parked, kept] = await Promise.all([outbox.allWaiting(), outbox.allParked(), new PendingInboundEvents(reader).all()]);
    const sources = await Promise.all((await sourceConfigurations(settings)).map(async (configuration) => {
        const counters = await stats.get(configuration.source);
        const queuedItems = waiting.filter((item) => item.source === configuration.source);
        const parkedOfSource = parked.filter((item) => item.source === configuration.source);
        const keptHere = kept.filter((record) => record.source === configuration.source);
        return {
            ...configuration,
            openRooms: await links.countOpen(configuration.source),
            ...counters,
            outbox: {
                queued: queuedItems.length,
                oldestQueuedAt: queuedItems[0]?.createdAt ?? null,
                retrying: retrying(queuedItems),
                parked: parkedOfSource.length,
                parkedItems: parkedItems(parkedOfSource),
            },
            waitingForAgent: {
                endUsers: keptHere.length,
                events: keptHere.reduce((sum, record) => sum + record.events.length, 0),
                since: keptHere.map((record) => record.since).sort()[0] ?? null,
            },
        };
    }));
    return { status: 'ok', sources };
}
