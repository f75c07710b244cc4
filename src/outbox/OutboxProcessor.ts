import { IEnvironmentWrite, IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { appMutex } from '../concurrency/KeyedMutex';
import { AppContext } from '../context/AppContext';
import { SettingId } from '../settings/SettingId';
import { AttemptOutcome, SourceStatsStore } from '../stats/SourceStatsStore';
import { DeliveryTarget, isNotReady } from './DeliveryTarget';
import { LANE_TIMING } from './laneTiming';
import { OutboxItem } from './OutboxItem';
import { OutboxStore } from './OutboxStore';
import { ReceiverRecoveryStore } from './ReceiverRecoveryStore';
import { backoffDelayMs, classifyStatus, DeliveryOutcome, retryAfterMs } from './retryPolicy';

/** How an attempt's outcome is counted. */
const ATTEMPT_OUTCOME: Record<DeliveryOutcome['kind'], AttemptOutcome> = { delivered: 'delivered', retry: 'failed', park: 'parked' };

/** The part of the app's context a lane run uses (settings read at most once per run), and its target. */
export interface OutboxProcessorDeps extends Pick<AppContext, 'read' | 'http' | 'persistence' | 'logger' | 'settings'> {
    target: DeliveryTarget | undefined;
    /** The app's environment writer, for targets that keep a setting current. */
    environment?: IEnvironmentWrite;
    now?: () => Date;
}

/**
 * Sends one conversation's waiting deliveries, strictly in order and one at a time: a failing
 * item holds back the ones after it until it is delivered, parked as refused (a 4xx the
 * receiver will never accept) or parked as too old (after `delivery_max_age_hours`).
 */
export class OutboxProcessor {
    private readonly store: OutboxStore;
    private readonly stats: SourceStatsStore;
    private readonly recoveries: ReceiverRecoveryStore;
    private readonly now: () => Date;

    constructor(private readonly deps: OutboxProcessorDeps) {
        const reader = deps.read.getPersistenceReader();
        this.store = new OutboxStore(reader, deps.persistence);
        this.stats = new SourceStatsStore(reader, deps.persistence);
        this.recoveries = new ReceiverRecoveryStore(reader, deps.persistence);
        this.now = deps.now ?? (() => new Date());
    }

    /**
     * Delivers the conversation's items (oldest first) while they are due and go through, starting
     * none after `deadline` (ms); returns those still waiting.
     */
    public async deliverConversation(items: ReadonlyArray<OutboxItem>, deadline = Infinity): Promise<Array<OutboxItem>> {
        const conversationId = items[0]?.conversationId;
        return appMutex.run(`outbox:${conversationId}`, async () => {
            const waiting = [...items];
            while (waiting.length > 0 && this.now().getTime() < deadline) {
                const next = await this.handle(waiting[0]);
                if (next !== 'gone') {
                    waiting[0] = next;
                    break;
                }
                waiting.shift();
            }
            return waiting;
        });
    }

    /** 'gone' when the item left the queue (delivered or parked); else the item as it now waits. */
    private async handle(item: OutboxItem): Promise<OutboxItem | 'gone'> {
        const now = this.now();
        if (Date.parse(item.nextAttemptAt) > now.getTime()) {
            return item;
        }
        if (item.attempts > 0 && now.getTime() - Date.parse(item.createdAt) > (await this.deps.settings.count(SettingId.DeliveryMaxAgeHours, 24)) * 3600 * 1000) {
            await this.park(item, `undelivered after ${item.attempts} attempts; last error: ${item.lastError ?? 'none'}`);
            return 'gone';
        }
        const outcome = await this.attempt(item);
        SourceStatsStore.countAttempt(item.source, ATTEMPT_OUTCOME[outcome.kind]);
        if (outcome.kind === 'delivered') {
            await this.store.remove(item);
            SourceStatsStore.countOut(item.source, this.now());
            if (item.attempts > 0) {
                // The receiver takes deliveries again: the end of a failure streak (see ReceiverRecoveryStore).
                await this.recoveries.recovered(item.source, this.now());
            }
            this.deps.logger.debug(`${item.source}: delivered ${item.kind} ${item.id} of ${item.conversationId}`);
            return 'gone';
        }
        await this.stats.recordError(item.source, `${item.kind}: ${outcome.reason}`, this.now());
        if (outcome.kind === 'park') {
            await this.park(item, `refused by the receiver: ${outcome.reason}`);
            return 'gone';
        }
        return this.scheduleRetry(item, outcome);
    }

    private async attempt(item: OutboxItem): Promise<DeliveryOutcome> {
        const target = this.deps.target;
        if (!target) {
            return { kind: 'park', reason: `no delivery target for source ${item.source}` };
        }
        const request = await target.prepare(item, { read: this.deps.read, settings: this.deps.settings, environment: this.deps.environment });
        if (isNotReady(request)) {
            return { kind: 'retry', reason: request.notReady };
        }
        const timeoutMs = Math.min(LANE_TIMING.MAX_ATTEMPT_TIMEOUT_MS, (await this.deps.settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000);
        let response: IHttpResponse;
        try {
            response = await this.deps.http.post(request.url, { headers: request.headers, content: request.body, timeout: timeoutMs });
        } catch (error) {
            return { kind: 'retry', reason: `no answer: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
        }
        const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
        return classifyStatus(response.statusCode, target.errorText(response), retryAfterMs(header, Date.now()));
    }

    private async scheduleRetry(item: OutboxItem, outcome: Extract<DeliveryOutcome, { kind: 'retry' }>): Promise<OutboxItem> {
        const attempts = item.attempts + 1;
        const baseMs = (await this.deps.settings.count(SettingId.DeliveryRetryBaseSeconds, 2)) * 1000;
        const maxMs = (await this.deps.settings.count(SettingId.DeliveryRetryMaxSeconds, 300)) * 1000;
        const delay = Math.max(backoffDelayMs(attempts, baseMs, Math.random, maxMs), outcome.retryAfterMs ?? 0);
        const next = new Date(this.now().getTime() + delay);
        const waiting: OutboxItem = { ...item, attempts, nextAttemptAt: next.toISOString(), lastError: outcome.reason };
        await this.store.update(waiting);
        this.deps.logger.warn(`${item.source}: ${item.kind} ${item.id} of ${item.conversationId} not delivered (attempt ${attempts}: ${outcome.reason}); retrying at ${next.toISOString()}`);
        return waiting;
    }

    private async park(item: OutboxItem, reason: string): Promise<void> {
        await this.store.park(item, reason, this.now());
        this.deps.logger.error(`${item.source}: parked ${item.kind} ${item.id} of ${item.conversationId}: ${reason}`);
    }
}
