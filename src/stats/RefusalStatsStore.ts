import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { appMutex } from '../concurrency/KeyedMutex';
import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';

/** Why an inbound request was refused. */
export type RefusalReason = 'bad-credentials' | 'bad-input' | 'switched-off' | 'not-configured' | 'wrong-method' | 'unsupported-media-type';

export const REFUSAL_REASONS: ReadonlyArray<RefusalReason> = ['bad-credentials', 'bad-input', 'switched-off', 'not-configured', 'wrong-method', 'unsupported-media-type'];

export interface RefusalCount {
    source: string;
    reason: RefusalReason;
    total: number;
}

/** How many whole minutes of per-minute counts are kept (the current one included); `recent` sees no further back. */
export const REFUSAL_MINUTES_KEPT = 15;

/**
 * Each source and reason is counted in a few shard records, so concurrent refusals rarely touch
 * the same record. A shard holds its cumulative total and its per-minute counts of the last
 * `REFUSAL_MINUTES_KEPT` minutes (older minutes are dropped whenever the shard is written), so
 * a record never grows. Reading sums the shards (one keyed read).
 */
const SHARDS = 8;

interface MinuteCount {
    /** Whole minutes since the Unix epoch. */
    minute: number;
    count: number;
}

interface RefusalShard {
    source: string;
    reason: RefusalReason;
    total: number;
    minutes: Array<MinuteCount>;
}

const allKeys = (): Array<RocketChatAssociationRecord> => [AssociationKeys.kind('refusals')];
const pairKeys = (source: string, reason: RefusalReason): Array<RocketChatAssociationRecord> => [...allKeys(), AssociationKeys.refusalStats(source, reason)];
const shardKeys = (source: string, reason: RefusalReason, shard: number): Array<RocketChatAssociationRecord> => [...pairKeys(source, reason), AssociationKeys.refusalStats(`${source}#${shard}`, reason)];

const minuteOf = (at: Date): number => Math.floor(at.getTime() / 60_000);

/**
 * Persisted counts of inbound requests refused, per source and reason, the same from every
 * instance. Counting costs one read and one write, on the refusal path only.
 *
 * Concurrency: refusals counted by one app process are serialised per shard, so none is lost;
 * a refusal is lost only when another instance updates the same shard of the same source and
 * reason between this one's read and its write (one round trip apart): two instances refusing
 * at the same moment pick the same one of the 8 shards once in 8 times, and then one of the two
 * counts may be lost. The counts are for metrics and alerts, never for deliveries.
 */
export class RefusalStatsStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    /** Counts one refusal: adds to its cumulative total and to the current minute's bucket. */
    public async count(source: string, reason: RefusalReason, now: Date): Promise<void> {
        const writer = requireWriter(this.writer, 'RefusalStatsStore');
        const shard = Math.floor(Math.random() * SHARDS);
        const keys = shardKeys(source, reason, shard);
        const minute = minuteOf(now);
        await appMutex.run(`refusals:${source}:${reason}#${shard}`, async () => {
            const [current] = (await this.reader.readByAssociations(keys)) as Array<Partial<RefusalShard>>;
            const kept = (current?.minutes ?? []).filter((bucket) => bucket.minute > minute - REFUSAL_MINUTES_KEPT && bucket.minute !== minute);
            const thisMinute = (current?.minutes ?? []).find((bucket) => bucket.minute === minute)?.count ?? 0;
            const updated: RefusalShard = {
                source,
                reason,
                total: (current?.total ?? 0) + 1,
                minutes: [...kept, { minute, count: thisMinute + 1 }],
            };
            await writer.updateByAssociations(keys, updated, true);
        });
    }

    /** Cumulative totals of every source and reason (for metrics), ordered by source then reason. */
    public async totals(): Promise<Array<RefusalCount>> {
        const shards = (await this.reader.readByAssociations(allKeys())) as Array<RefusalShard>;
        const sums = new Map<string, RefusalCount>();
        for (const shard of shards) {
            const key = `${shard.source}\u0000${shard.reason}`;
            const sum = sums.get(key) ?? { source: shard.source, reason: shard.reason, total: 0 };
            sum.total += shard.total;
            sums.set(key, sum);
        }
        return [...sums.values()].sort((a, b) => (a.source === b.source ? a.reason.localeCompare(b.reason) : a.source.localeCompare(b.source)));
    }

    /**
     * How many refusals of this source and reason in the `minutes` whole minutes up to `now`
     * (for alerts): the minute `now` falls in and the `minutes - 1` before it. At most
     * `REFUSAL_MINUTES_KEPT` minutes are kept; a longer window counts those only.
     */
    public async recent(source: string, reason: RefusalReason, now: Date, minutes: number): Promise<number> {
        const last = minuteOf(now);
        const first = last - Math.min(minutes, REFUSAL_MINUTES_KEPT) + 1;
        const shards = (await this.reader.readByAssociations(pairKeys(source, reason))) as Array<RefusalShard>;
        return shards.reduce((sum, shard) => sum + shard.minutes.filter((bucket) => bucket.minute >= first && bucket.minute <= last).reduce((inShard, bucket) => inShard + bucket.count, 0), 0);
    }
}
