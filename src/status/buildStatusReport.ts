import { IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AlertsStatus, alertsStatus } from '../alerts/alertsStatus';
import { PendingInboundEvents } from '../bridges/PendingInboundEvents';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { conversationHeads } from '../outbox/conversationHeads';
import { OutboxItem } from '../outbox/OutboxItem';
import { OutboxStore } from '../outbox/OutboxStore';
import { newestFirst, PARKED_LISTED, ParkedIndex, ParkedIndexStore, ParkedSummary } from '../outbox/ParkedIndexStore';
import { AppSettings } from '../settings/AppSettings';
import { SourceStats, SourceStatsStore } from '../stats/SourceStatsStore';
import { Problem } from './Problem';
import { SourceConfiguration, sourceConfigurations } from './sourceConfiguration';

/** How many retrying conversations status lists per source. */
const LISTED_RETRYING = 10;

export interface RetryingConversation {
    room: string;
    kind: string;
    queuedAt: string;
    attempts: number;
    nextAttemptAt: string;
    lastError: string | null;
}

export interface SourceStatus extends SourceConfiguration, SourceStats {
    openRooms: number;
    outbox: {
        queued: number;
        oldestQueuedAt: string | null;
        /** Up to LISTED_RETRYING conversations whose first item has failed. */
        retrying: Array<RetryingConversation>;
        /** Waiting items that have failed at least once. */
        retryingItems: number;
        parked: number;
    };
    waitingForAgent: { endUsers: number; events: number; since: string | null };
}

export interface StatusReport {
    sources: Array<SourceStatus>;
    /** Parked items of every source: how many, and the newest PARKED_LISTED, newest first. */
    parked: { total: number; items: Array<ParkedSummary> };
    /** Problems of the app itself, not of one source (the alert room). */
    problems: Array<Problem>;
    /** Where alerts go and what they say now (see alertsStatus). */
    alerts: Omit<AlertsStatus, 'problems'>;
}

/** Conversations whose first item has failed at least once: what fails, how often, and when it is tried next. */
function retrying(items: ReadonlyArray<OutboxItem>): Array<RetryingConversation> {
    return conversationHeads(items)
        .filter((item) => item.attempts > 0)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .slice(0, LISTED_RETRYING)
        .map((item) => ({ room: item.conversationId, kind: item.kind, queuedAt: item.createdAt, attempts: item.attempts, nextAttemptAt: item.nextAttemptAt, lastError: item.lastError ?? null }));
}

/**
 * Each source's parked index (one keyed read for all); a source that has none yet (nothing
 * parked since it existed) gets it built once from its parked items.
 */
async function parkedIndexes(store: OutboxStore, indexes: ParkedIndexStore, sources: ReadonlyArray<string>): Promise<Map<string, ParkedIndex>> {
    const known = await indexes.all();
    for (const source of sources.filter((candidate) => !known.has(candidate))) {
        known.set(source, await indexes.rebuild(source, (of) => store.parkedOf(of)));
    }
    return known;
}

/**
 * Health per source for operators: configuration (and what is missing or wrong), open rooms,
 * traffic, outbox, delivery errors, events waiting for an agent, the parked items, and the
 * alerts (their room, what holds, what keeps them from the room). Never a secret. Its engine
 * round trips do not grow with the number of rooms or parked items.
 */
export async function buildStatusReport(read: IRead, persistence: IPersistence, settings: AppSettings): Promise<StatusReport> {
    const reader = read.getPersistenceReader();
    const links = new ConversationLinkStore(reader);
    const stats = new SourceStatsStore(reader, persistence);
    await stats.flush();
    const outbox = new OutboxStore(reader, persistence);
    const configurations = await sourceConfigurations(read, settings);
    const [waiting, parked, kept, alerts] = await Promise.all([
        outbox.allWaiting(),
        parkedIndexes(outbox, new ParkedIndexStore(reader, persistence), configurations.map((configuration) => configuration.source)),
        new PendingInboundEvents(reader).all(),
        alertsStatus(read, settings),
    ]);
    const sources = await Promise.all(configurations.map(async (configuration): Promise<SourceStatus> => {
        const counters = await stats.get(configuration.source);
        const queuedItems = waiting.filter((item) => item.source === configuration.source);
        const keptHere = kept.filter((record) => record.source === configuration.source);
        return {
            ...configuration,
            openRooms: await links.countOpen(configuration.source),
            ...counters,
            outbox: {
                queued: queuedItems.length,
                oldestQueuedAt: queuedItems.map((item) => item.createdAt).sort()[0] ?? null,
                retrying: retrying(queuedItems),
                retryingItems: queuedItems.filter((item) => item.attempts > 0).length,
                parked: parked.get(configuration.source)?.total ?? 0,
            },
            waitingForAgent: {
                endUsers: keptHere.length,
                events: keptHere.reduce((sum, record) => sum + record.events.length, 0),
                since: keptHere.map((record) => record.since).sort()[0] ?? null,
            },
        };
    }));
    const indexes = [...parked.values()];
    return {
        sources,
        parked: {
            total: indexes.reduce((sum, index) => sum + index.total, 0),
            items: ([] as Array<ParkedSummary>).concat(...indexes.map((index) => index.latest)).sort(newestFirst).slice(0, PARKED_LISTED),
        },
        problems: alerts.problems,
        alerts: { room: alerts.room, active: alerts.active },
    };
}
