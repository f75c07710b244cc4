import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { appMutex } from '../concurrency/KeyedMutex';
import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';

/** How a delivery attempt ended: delivered, failed (the item is tried again later), or refused by the receiver (the item is parked). */
export type AttemptOutcome = 'delivered' | 'failed' | 'parked';

export const ATTEMPT_OUTCOMES: ReadonlyArray<AttemptOutcome> = ['delivered', 'failed', 'parked'];

export type AttemptCounts = Record<AttemptOutcome, number>;

const noAttempts = (): AttemptCounts => addAttempts(undefined, undefined);

/** Each outcome's sum (ATTEMPT_OUTCOMES lists them); a missing count is 0. */
function addAttempts(a: Partial<AttemptCounts> | undefined, b: Partial<AttemptCounts> | undefined): AttemptCounts {
    const sum = {} as AttemptCounts;
    for (const outcome of ATTEMPT_OUTCOMES) {
        sum[outcome] = (a?.[outcome] ?? 0) + (b?.[outcome] ?? 0);
    }
    return sum;
}

export interface SourceStats {
    messagesIn: number;
    messagesOut: number;
    /** Delivery attempts of the source's outbox by how they ended. */
    deliveryAttempts: AttemptCounts;
    lastInAt?: string;
    lastOutAt?: string;
    lastError?: { at: string; message: string };
}

/**
 * Counters are spread over a few shard records per source, so concurrent messages rarely
 * wait for each other's counter update; reading sums the shards (one keyed read).
 */
const SHARDS = 8;

const sourceKeys = (source: string): Array<RocketChatAssociationRecord> => [AssociationKeys.kind('stats'), AssociationKeys.sourceStats(source)];
const shardKeys = (source: string, shard: number | 'error'): Array<RocketChatAssociationRecord> => [...sourceKeys(source), AssociationKeys.sourceStats(`${source}#${shard}`)];

const later = (a?: string, b?: string): string | undefined => (!a ? b : !b ? a : a > b ? a : b);

interface UnwrittenCounts {
    messagesIn: number;
    messagesOut: number;
    deliveryAttempts: AttemptCounts;
    lastInAt?: string;
    lastOutAt?: string;
}

/**
 * Counts this app process has not written yet, per source. Counting a message or a delivery
 * attempt costs no round trip; the recurring sweep and the status and metrics endpoints write
 * them (one read and one write per source), so another instance's counts show up after its next
 * sweep. Counts of a process that stops before either runs are lost, and so are one instance's
 * when another writes the same shard between its read and its write: they are statistics only,
 * never deliveries.
 */
const unwritten = new Map<string, UnwrittenCounts>();

function unwrittenOf(source: string): UnwrittenCounts {
    let counts = unwritten.get(source);
    if (!counts) {
        counts = { messagesIn: 0, messagesOut: 0, deliveryAttempts: noAttempts() };
        unwritten.set(source, counts);
    }
    return counts;
}

/** Counters and the last delivery error per source, for the status and metrics endpoints (never holds secrets). */
export class SourceStatsStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async get(source: string): Promise<SourceStats> {
        const records = (await this.reader.readByAssociations(sourceKeys(source))) as Array<Partial<SourceStats>>;
        return records.reduce<SourceStats>((sum, record) => ({
            messagesIn: sum.messagesIn + (record.messagesIn ?? 0),
            messagesOut: sum.messagesOut + (record.messagesOut ?? 0),
            deliveryAttempts: addAttempts(sum.deliveryAttempts, record.deliveryAttempts),
            lastInAt: later(sum.lastInAt, record.lastInAt),
            lastOutAt: later(sum.lastOutAt, record.lastOutAt),
            lastError: record.lastError ?? sum.lastError,
        }), { messagesIn: 0, messagesOut: 0, deliveryAttempts: noAttempts() });
    }

    /** Counts a message in (in memory: no round trip). */
    public static countIn(source: string, now: Date): void {
        const counts = unwrittenOf(source);
        counts.messagesIn += 1;
        counts.lastInAt = now.toISOString();
    }

    /** Counts a delivery out (in memory: no round trip). */
    public static countOut(source: string, now: Date): void {
        const counts = unwrittenOf(source);
        counts.messagesOut += 1;
        counts.lastOutAt = now.toISOString();
    }

    /** Counts a delivery attempt by how it ended (in memory: no round trip). */
    public static countAttempt(source: string, outcome: AttemptOutcome): void {
        unwrittenOf(source).deliveryAttempts[outcome] += 1;
    }

    /** Writes this process's unwritten counts into a shard of their source. */
    public async flush(): Promise<void> {
        for (const [source, counts] of [...unwritten]) {
            unwritten.delete(source);
            await this.changeShard(source, (stats) => ({
                ...stats,
                messagesIn: (stats.messagesIn ?? 0) + counts.messagesIn,
                messagesOut: (stats.messagesOut ?? 0) + counts.messagesOut,
                deliveryAttempts: addAttempts(stats.deliveryAttempts, counts.deliveryAttempts),
                lastInAt: later(stats.lastInAt, counts.lastInAt),
                lastOutAt: later(stats.lastOutAt, counts.lastOutAt),
            }));
        }
    }

    public async recordError(source: string, message: string, now: Date): Promise<void> {
        await requireWriter(this.writer, 'SourceStatsStore').updateByAssociations(shardKeys(source, 'error'), { lastError: { at: now.toISOString(), message: message.slice(0, 500) } }, true);
    }

    private async changeShard(source: string, update: (stats: Partial<SourceStats>) => Partial<SourceStats>): Promise<void> {
        const writer = requireWriter(this.writer, 'SourceStatsStore');
        const shard = Math.floor(Math.random() * SHARDS);
        const keys = shardKeys(source, shard);
        await appMutex.run(`stats:${source}#${shard}`, async () => {
            const [current] = (await this.reader.readByAssociations(keys)) as Array<Partial<SourceStats>>;
            await writer.updateByAssociations(keys, update(current ?? {}), true);
        });
    }
}
