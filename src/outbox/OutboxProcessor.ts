import { IHttp, IHttpResponse, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { appMutex } from '../concurrency/KeyedMutex';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { requestDelivery } from './DeliveryJobs';
import { DeliveryTarget, isNotReady } from './DeliveryTarget';
import { OutboxItem } from './OutboxItem';
import { OutboxStore } from './OutboxStore';
import { backoffDelayMs, classifyStatus, DeliveryOutcome, retryAfterMs } from './retryPolicy';

export interface OutboxProcessorDeps {
    read: IRead;
    modify: IModify;
    http: IHttp;
    persistence: IPersistence;
    logger: ILogger;
    targets: (source: string) => DeliveryTarget | undefined;
    now?: () => Date;
}

const PARALLEL_CONVERSATIONS = 8;

/**
 * Sends waiting deliveries. Per conversation, strictly in order and one at a time: a
 * failing item holds back the ones after it until it is delivered, dropped (a 4xx the
 * receiver will never accept) or parked (older than the maximum age).
 */
export class OutboxProcessor {
    private readonly store: OutboxStore;
    private readonly stats: SourceStatsStore;
    private readonly settings: AppSettings;
    private readonly now: () => Date;

    constructor(private readonly deps: OutboxProcessorDeps) {
        const reader = deps.read.getPersistenceReader();
        this.store = new OutboxStore(reader, deps.persistence);
        this.stats = new SourceStatsStore(reader, deps.persistence);
        this.settings = AppSettings.from(deps.read);
        this.now = deps.now ?? (() => new Date());
    }

    public async deliverAll(): Promise<void> {
        const conversations = [...new Set((await this.store.allWaiting()).map((item) => item.conversationId))];
        for (let i = 0; i < conversations.length; i += PARALLEL_CONVERSATIONS) {
            await Promise.all(conversations.slice(i, i + PARALLEL_CONVERSATIONS).map((id) => this.deliverConversation(id)));
        }
    }

    public async deliverConversation(conversationId: string): Promise<void> {
        await appMutex.run(`outbox:${conversationId}`, async () => {
            for (const item of await this.store.queue(conversationId)) {
                const next = await this.handle(item);
                if (next === 'stop') {
                    return;
                }
            }
        });
    }

    private async handle(item: OutboxItem): Promise<'continue' | 'stop'> {
        const now = this.now();
        const due = Date.parse(item.nextAttemptAt);
        if (due > now.getTime()) {
            await requestDelivery(this.deps.modify, item.conversationId, new Date(due));
            return 'stop';
        }
        const maxAgeMs = (await this.settings.count(SettingId.DeliveryMaxAgeHours, 24)) * 3600 * 1000;
        if (now.getTime() - Date.parse(item.createdAt) > maxAgeMs) {
            await this.park(item, `undelivered after ${item.attempts} attempts; last error: ${item.lastError ?? 'none'}`);
            return 'continue';
        }
        const outcome = await this.attempt(item);
        if (outcome.kind === 'delivered') {
            await this.store.remove(item);
            await this.stats.countOut(item.source, this.now());
            this.deps.logger.debug(`${item.source}: delivered ${item.kind} ${item.id} of ${item.conversationId}`);
            return 'continue';
        }
        await this.stats.recordError(item.source, `${item.kind}: ${outcome.reason}`, this.now());
        if (outcome.kind === 'drop') {
            this.deps.logger.error(`${item.source}: the receiver refused ${item.kind} ${item.id} of ${item.conversationId}; dropped: ${outcome.reason}`);
            await this.park(item, `refused by the receiver: ${outcome.reason}`);
            return 'continue';
        }
        await this.scheduleRetry(item, outcome);
        return 'stop';
    }

    private async attempt(item: OutboxItem): Promise<DeliveryOutcome> {
        const target = this.deps.targets(item.source);
        if (!target) {
            return { kind: 'drop', reason: `no delivery target for source ${item.source}` };
        }
        const request = await target.prepare(item, { read: this.deps.read, settings: this.settings });
        if (isNotReady(request)) {
            return { kind: 'retry', reason: request.notReady };
        }
        const timeoutMs = (await this.settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000;
        let response: IHttpResponse;
        try {
            response = await this.deps.http.post(request.url, { headers: request.headers, content: request.body, timeout: timeoutMs });
        } catch (error) {
            return { kind: 'retry', reason: `no answer: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
        }
        const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
        return classifyStatus(response.statusCode, target.errorText(response), retryAfterMs(header, Date.now()));
    }

    private async scheduleRetry(item: OutboxItem, outcome: Extract<DeliveryOutcome, { kind: 'retry' }>): Promise<void> {
        const attempts = item.attempts + 1;
        const baseMs = (await this.settings.count(SettingId.DeliveryRetryBaseSeconds, 2)) * 1000;
        const maxMs = (await this.settings.count(SettingId.DeliveryRetryMaxSeconds, 300)) * 1000;
        const delay = Math.max(backoffDelayMs(attempts, baseMs, Math.random, maxMs), outcome.retryAfterMs ?? 0);
        const next = new Date(this.now().getTime() + delay);
        await this.store.update({ ...item, attempts, nextAttemptAt: next.toISOString(), lastError: outcome.reason });
        this.deps.logger.warn(`${item.source}: ${item.kind} ${item.id} of ${item.conversationId} not delivered (attempt ${attempts}: ${outcome.reason}); retrying at ${next.toISOString()}`);
        await requestDelivery(this.deps.modify, item.conversationId, next);
    }

    private async park(item: OutboxItem, reason: string): Promise<void> {
        await this.store.park(item, reason, this.now());
        this.deps.logger.error(`${item.source}: parked ${item.kind} ${item.id} of ${item.conversationId}: ${reason}`);
    }
}
