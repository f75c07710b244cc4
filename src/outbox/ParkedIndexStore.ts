import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { appMutex } from '../concurrency/KeyedMutex';
import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';
import { ParkedItem } from './OutboxItem';

/** What operators see of a parked item (never its payload). */
export interface ParkedSummary {
    id: string;
    source: string;
    conversationId: string;
    kind: string;
    queuedAt: string;
    parkedAt: string;
    attempts: number;
    reason: string;
}

/** A source's parked items at a glance: how many, and the newest PARKED_LISTED of them, newest first. */
export interface ParkedIndex {
    source: string;
    total: number;
    latest: Array<ParkedSummary>;
}

/** How many parked items an index keeps (and status lists): reading them costs one record per source, whatever the total. */
export const PARKED_LISTED = 50;

const INDEX_KIND = AssociationKeys.kind('outbox-parked-index');
const indexKeys = (source: string): Array<RocketChatAssociationRecord> => [INDEX_KIND, AssociationKeys.outboxSource(source)];

function summaryOf(item: ParkedItem): ParkedSummary {
    return { id: item.id, source: item.source, conversationId: item.conversationId, kind: item.kind, queuedAt: item.createdAt, parkedAt: item.parkedAt, attempts: item.attempts, reason: item.reason };
}

/** Newest parked first; items parked in the same millisecond by their place in the conversation, later first. */
export function newestFirst(a: { parkedAt: string; sequence?: string }, b: { parkedAt: string; sequence?: string }): number {
    if (a.parkedAt !== b.parkedAt) {
        return a.parkedAt < b.parkedAt ? 1 : -1;
    }
    return (b.sequence ?? '').localeCompare(a.sequence ?? '');
}

/** The index of a source computed from all of its parked items. */
function indexOf(source: string, items: ReadonlyArray<ParkedItem>): ParkedIndex {
    const latest = items
        .filter((item) => item.source === source)
        .sort(newestFirst)
        .slice(0, PARKED_LISTED)
        .map(summaryOf);
    return { source, total: items.filter((item) => item.source === source).length, latest };
}

/**
 * One small record per source that counts its parked items and keeps the newest of them, so
 * status reads a bounded number of records however many items are parked. It is written where
 * items are parked (a lane run, one at a time per source), and rewritten from the parked items
 * themselves when operators retry some of them or when it is missing (items parked before it
 * existed). Changes are serialised per source inside an app process.
 */
export class ParkedIndexStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    /** Every source's index that exists (one keyed read: at most one record per source). */
    public async all(): Promise<Map<string, ParkedIndex>> {
        const records = (await this.reader.readByAssociations([INDEX_KIND])) as Array<ParkedIndex>;
        return new Map(records.map((record) => [record.source, record]));
    }

    /** Counts an item just parked (its own record already written); `parkedOf` loads the source's parked items when the index is missing. */
    public async added(item: ParkedItem, parkedOf: (source: string) => Promise<Array<ParkedItem>>): Promise<void> {
        await appMutex.run(lockKey(item.source), async () => {
            const [current] = (await this.reader.readByAssociations(indexKeys(item.source))) as Array<ParkedIndex>;
            const next: ParkedIndex = current
                ? { source: item.source, total: current.total + 1, latest: [summaryOf(item), ...current.latest.filter((entry) => entry.id !== item.id)].slice(0, PARKED_LISTED) }
                : indexOf(item.source, await parkedOf(item.source));
            await this.save(next);
        });
    }

    /** Rewrites a source's index from its parked items as they are now. */
    public async rebuild(source: string, parkedOf: (source: string) => Promise<Array<ParkedItem>>): Promise<ParkedIndex> {
        return appMutex.run(lockKey(source), async () => {
            const index = indexOf(source, await parkedOf(source));
            await this.save(index);
            return index;
        });
    }

    private async save(index: ParkedIndex): Promise<void> {
        await requireWriter(this.writer, 'ParkedIndexStore').updateByAssociations(indexKeys(index.source), index, true);
    }
}

function lockKey(source: string): string {
    return `outbox-parked-index:${source}`;
}
