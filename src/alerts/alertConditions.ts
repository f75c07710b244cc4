import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { OutboxItem } from '../outbox/OutboxItem';
import { OutboxStore } from '../outbox/OutboxStore';
import { ParkedIndexStore } from '../outbox/ParkedIndexStore';
import { ReceiverRecoveryStore } from '../outbox/ReceiverRecoveryStore';
import { OUTBOUND_SOURCES } from '../platforms/registry';
import { AppSettings } from '../settings/AppSettings';
import { APP_SOURCE } from '../stats/appSource';
import { RefusalStatsStore } from '../stats/RefusalStatsStore';
import { sourceConfigurations } from '../status/sourceConfiguration';
import { AlertCondition, conditionKey } from './AlertCondition';
import { ALERT_LIMITS } from './alertLimits';

const MINUTE_MS = 60_000;

const later = (a: string, b: string | undefined): string => (b !== undefined && b > a ? b : a);

/**
 * A source whose waiting deliveries have failed every attempt for FAILING_MINUTES: the streak
 * starts with the oldest item still waiting after a failed attempt, or with the receiver's last
 * recovery (an item that had failed went through) when that came later.
 */
function failing(source: string, waiting: ReadonlyArray<OutboxItem>, recoveredAt: string | undefined, now: Date): AlertCondition | undefined {
    const failed = waiting.filter((item) => item.source === source && item.attempts > 0);
    if (failed.length === 0) {
        return undefined;
    }
    const oldest = failed.reduce((first, item) => (item.createdAt < first.createdAt ? item : first));
    const since = later(oldest.createdAt, recoveredAt);
    if (now.getTime() - Date.parse(since) < ALERT_LIMITS.FAILING_MINUTES * MINUTE_MS) {
        return undefined;
    }
    const newest = failed.reduce((last, item) => (item.nextAttemptAt > last.nextAttemptAt ? item : last));
    return { kind: 'failing', source, since, conversations: new Set(failed.map((item) => item.conversationId)).size, lastError: newest.lastError ?? '' };
}

/** Requests refused for bad credentials: REFUSALS within REFUSAL_MINUTES start it; it holds until REFUSAL_QUIET_MINUTES pass without any. */
async function refusals(store: RefusalStatsStore, source: string, held: boolean, now: Date): Promise<AlertCondition | undefined> {
    const count = await store.recent(source, 'bad-credentials', now, ALERT_LIMITS.REFUSAL_MINUTES);
    if (count >= ALERT_LIMITS.REFUSALS) {
        return { kind: 'refusals', source, count };
    }
    if (held && (await store.recent(source, 'bad-credentials', now, ALERT_LIMITS.REFUSAL_QUIET_MINUTES)) > 0) {
        return { kind: 'refusals', source, count };
    }
    return undefined;
}

/**
 * The conditions that hold now, for every source: deliveries parked, a receiver failing every
 * attempt, requests refused for bad credentials (the app's own endpoints included), a source
 * switched on with settings or departments missing. `held` says whether a condition held at the
 * job's last run. Reads a fixed number of records, whatever the number of rooms or items.
 */
export async function alertConditions(read: IRead, settings: AppSettings, now: Date, held: (key: string) => boolean): Promise<Array<AlertCondition>> {
    const reader = read.getPersistenceReader();
    const [configurations, parked, waiting, recoveries] = await Promise.all([
        sourceConfigurations(read, settings),
        new ParkedIndexStore(reader).all(),
        new OutboxStore(reader).allWaiting(),
        new ReceiverRecoveryStore(reader).all(),
    ]);
    const refusalStore = new RefusalStatsStore(reader);
    const refused = await Promise.all([...configurations.map((configuration) => configuration.source), APP_SOURCE]
        .map((source) => refusals(refusalStore, source, held(conditionKey({ kind: 'refusals', source })), now)));
    const conditions: Array<AlertCondition | undefined> = [];
    for (const index of parked.values()) {
        const [newest] = index.latest;
        if (index.total > 0 && newest) {
            conditions.push({ kind: 'parked', source: index.source, parked: index.total, reason: newest.reason, room: newest.conversationId, item: newest.id });
        }
    }
    conditions.push(...OUTBOUND_SOURCES.map((source) => failing(source, waiting, recoveries.get(source), now)));
    conditions.push(...refused);
    for (const configuration of configurations) {
        // A platform that has not called the app yet (to give its callback URL) lacks no setting: status says so, no alert.
        const problems = configuration.problems.filter((problem) => problem.kind !== 'not-connected');
        if (configuration.enabled && problems.length > 0) {
            conditions.push({ kind: 'configuration', source: configuration.source, problems });
        }
    }
    return conditions.filter((condition): condition is AlertCondition => condition !== undefined);
}
