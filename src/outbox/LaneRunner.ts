import { IEnvironmentWrite } from '@rocket.chat/apps-engine/definition/accessors';

import { AppContext } from '../context/AppContext';
import { AppSettings } from '../settings/AppSettings';
import { conversationHeads, nextDue } from './conversationHeads';
import { DeliveryTarget } from './DeliveryTarget';
import { freshItemHints } from './freshItemHints';
import { LaneScheduler } from './LaneScheduler';
import { LANE_TIMING } from './laneTiming';
import { OutboxItem } from './OutboxItem';
import { OutboxProcessor } from './OutboxProcessor';
import { OutboxStore } from './OutboxStore';

/** The part of the app's context a lane uses, and what it works on. */
export interface LaneRunnerDeps extends Pick<AppContext, 'read' | 'modify' | 'http' | 'persistence' | 'logger'> {
    /** The app's environment writer (see DeliveryContext.environment). */
    environment?: IEnvironmentWrite;
    source: string;
    target: DeliveryTarget | undefined;
    now?: () => Date;
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves when the first of `work` settles or after `ms`, whichever comes first. */
async function firstOf(work: Array<Promise<unknown>>, ms: number): Promise<void> {
    let cancel = (): void => undefined;
    const tick = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        cancel = () => clearTimeout(timer);
    });
    try {
        await Promise.race([...work.map((promise) => promise.then(() => undefined, () => undefined)), tick]);
    } finally {
        cancel();
    }
}

/**
 * One run of a source's delivery lane (its recurring scheduler job, which runs on one instance
 * at a time). Conversations go out side by side (up to PARALLEL_CONVERSATIONS), each in order;
 * while some attempts hang, the run keeps looking for newly queued items (every POLL_MS), so a
 * slow or dead receiver of one conversation delays only that conversation. No attempt starts
 * after RUN_BUDGET_MS. A run that leaves nothing due within KEEP_ARMED_MS removes the lane's
 * job; otherwise the job's next interval runs the lane again.
 */
export class LaneRunner {
    private readonly store: OutboxStore;
    private readonly scheduler: LaneScheduler;
    private readonly processor: OutboxProcessor;
    private readonly now: () => Date;
    private readonly inFlight = new Map<string, Promise<void>>();
    /** Orders reads and settled conversations within the run. */
    private clock = 0;
    /** Conversations whose attempts ended in this run: when, and their items as they then waited. */
    private readonly settled = new Map<string, { at: number; remaining: Array<OutboxItem> }>();
    private deadline = 0;

    constructor(private readonly deps: LaneRunnerDeps) {
        const reader = deps.read.getPersistenceReader();
        this.now = deps.now ?? (() => new Date());
        this.store = new OutboxStore(reader, deps.persistence);
        this.scheduler = new LaneScheduler(deps.modify);
        this.processor = new OutboxProcessor({
            read: deps.read, http: deps.http, persistence: deps.persistence, logger: deps.logger,
            settings: AppSettings.from(deps.read), target: deps.target, environment: deps.environment, now: this.now,
        });
    }

    public async run(): Promise<void> {
        const { source } = this.deps;
        this.deadline = this.now().getTime() + LANE_TIMING.RUN_BUDGET_MS;
        // An item this process just queued is not due before its order grace: look once it is.
        const fresh = freshItemHints.take(source);
        if (fresh !== undefined) {
            await sleep(Math.min(Math.max(0, fresh - this.now().getTime()), LANE_TIMING.ORDER_GRACE_MS));
        }
        let items = await this.read();
        for (;;) {
            if (this.now().getTime() < this.deadline) {
                this.startDue(items);
            }
            if (this.inFlight.size === 0) {
                // An item due within a poll (a fresh reply waiting out ORDER_GRACE_MS) is waited for
                // here rather than by another run of the job; then the outbox is read again, as an
                // earlier reply of its conversation may have been queued meanwhile.
                const wait = this.msUntilNextDue(items);
                if (wait === undefined || wait > LANE_TIMING.POLL_MS || this.now().getTime() + wait >= this.deadline) {
                    break;
                }
                await sleep(wait);
                items = await this.read();
                continue;
            }
            const lastLook = this.clock;
            await firstOf([...this.inFlight.values()], LANE_TIMING.POLL_MS);
            // While attempts are still under way, look for new items; once none are, what this
            // run knows is enough (items queued meanwhile are found by the look after `finish`).
            items = this.inFlight.size > 0 ? await this.read() : this.withSettled(items, lastLook);
        }
        if (this.dueSoon(nextDue(items))) {
            // The lane's job stays: its next interval looks again.
            return;
        }
        await this.scheduler.disarm(source);
        // Items queued while this run ended found the job still there and armed nothing.
        if (this.dueSoon(nextDue(await this.store.waitingOf(source)))) {
            await this.scheduler.arm(source);
        }
    }

    private msUntilNextDue(items: ReadonlyArray<OutboxItem>): number | undefined {
        const next = nextDue(items);
        return next === undefined ? undefined : Math.max(0, next.getTime() - this.now().getTime());
    }

    /** Whether an item is due within LANE_TIMING.KEEP_ARMED_MS (later ones are armed by the sweep once due). */
    private dueSoon(next: Date | undefined): boolean {
        return next !== undefined && next.getTime() - this.now().getTime() <= LANE_TIMING.KEEP_ARMED_MS;
    }

    /** Starts every conversation whose first item is due, none twice, up to the parallel limit. */
    private startDue(items: ReadonlyArray<OutboxItem>): void {
        const now = this.now().getTime();
        for (const head of conversationHeads(items)) {
            if (this.inFlight.size >= LANE_TIMING.PARALLEL_CONVERSATIONS) {
                return;
            }
            if (this.inFlight.has(head.conversationId) || Date.parse(head.nextAttemptAt) > now) {
                continue;
            }
            const conversation = items.filter((item) => item.conversationId === head.conversationId);
            const work = this.deliver(head.conversationId, conversation).finally(() => this.inFlight.delete(head.conversationId));
            this.inFlight.set(head.conversationId, work);
        }
    }

    private async deliver(conversationId: string, items: ReadonlyArray<OutboxItem>): Promise<void> {
        try {
            const remaining = await this.processor.deliverConversation(items, this.deadline);
            this.settled.set(conversationId, { at: ++this.clock, remaining });
        } catch (error) {
            this.settled.set(conversationId, { at: ++this.clock, remaining: [] });
            // Kept in the outbox; the next run tries again. Other conversations go on.
            this.deps.logger.error(`${this.deps.source}: delivery of conversation ${conversationId} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    /**
     * The lane's waiting items. A conversation whose attempts ended while the read was under
     * way keeps the result it knows (the read may predate its writes): an item just delivered
     * is never started again.
     */
    private async read(): Promise<Array<OutboxItem>> {
        const issuedAt = ++this.clock;
        return this.withSettled(await this.store.waitingOf(this.deps.source), issuedAt);
    }

    /** `items` with the conversations that settled after `since` replaced by what they left waiting. */
    private withSettled(items: Array<OutboxItem>, since: number): Array<OutboxItem> {
        const newer = [...this.settled.entries()].filter(([, settled]) => settled.at > since).map(([id]) => id);
        if (newer.length === 0) {
            return items;
        }
        const known = newer.map((id) => this.settled.get(id)?.remaining ?? []);
        return items.filter((item) => !newer.includes(item.conversationId)).concat(...known);
    }
}
