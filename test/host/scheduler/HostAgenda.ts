import { delayUntil, intervalMs } from '../bridges/humanInterval';
import { HostJobStore, JobProps, JobQuery, JobRecord } from './HostJobStore';

/** A job as one Agenda instance holds it: its attributes, as last read from or written to the store. */
export interface HostJob {
    attrs: JobRecord;
}

export type JobFunction = (job: HostJob) => Promise<void>;

interface Definition {
    fn: JobFunction;
    concurrency: number;
    lockLifetime: number;
    running: number;
    locked: number;
}

export interface AgendaOptions {
    /** Shown as the job's lastModifiedBy (Agenda's `name`). */
    name: string;
    /** How often the store is polled for due jobs; Agenda's default is 5 seconds. */
    processEvery?: number;
    /** Jobs of one name running at once on this instance; Rocket.Chat sets 1. */
    defaultConcurrency?: number;
    /** Jobs of any name running at once on this instance; Agenda's default is 20. */
    maxConcurrency?: number;
    /** A lock older than this is considered abandoned; Agenda's default is 10 minutes. */
    lockLifetime?: number;
    /** Called when a job's function rejects (Agenda records it on the job as failReason). */
    onFail?: (job: HostJob, error: unknown) => void;
}

/**
 * Agenda as Rocket.Chat runs app jobs (packages/agenda: Agenda.ts, Job.ts,
 * JobProcessingQueue.ts, utils/process-jobs.ts), reproduced step by step because its quirks
 * are what an app meets on a real server:
 * - jobs live in a store that outlives the instance; a poll every 5 s locks due jobs (and
 *   jobs due before the next poll); a job saved due before the next poll is locked at once;
 * - at most `defaultConcurrency` (1 in Rocket.Chat) jobs of one name run at a time here;
 * - the local queue is ordered by nextRunAt and the job that runs next is always the one at
 *   its end: while an earlier job of a busy name waits there, no other job starts;
 * - a one-time job is not retried when its function fails (nextRunAt is cleared before it
 *   runs); a recurring job's next run is computed from the start of the current one.
 */
export class HostAgenda {
    private readonly definitions = new Map<string, Definition>();
    private readonly queue: Array<HostJob> = [];
    private readonly lockedJobs: Array<HostJob> = [];
    private readonly runningJobs: Array<HostJob> = [];
    private readonly running = new Set<Promise<void>>();
    private readonly timers = new Set<ReturnType<typeof setTimeout>>();
    private jobsToLock: Array<HostJob> = [];
    private readonly queueFilling = new Set<string>();
    private lockingOnTheFly = false;
    /** The process died with its running jobs: whatever they come to is never recorded. */
    private gone = false;
    private processInterval?: ReturnType<typeof setInterval>;
    private nextScanAt?: Date;
    private readonly processEvery: number;
    private readonly defaultConcurrency: number;
    private readonly maxConcurrency: number;
    private readonly lockLifetime: number;

    constructor(private readonly store: HostJobStore, private readonly options: AgendaOptions) {
        this.processEvery = options.processEvery ?? 5000;
        this.defaultConcurrency = options.defaultConcurrency ?? 5;
        this.maxConcurrency = options.maxConcurrency ?? 20;
        this.lockLifetime = options.lockLifetime ?? 10 * 60 * 1000;
    }

    /** Defines (or redefines, with fresh counters) what jobs of `name` run. */
    public define(name: string, fn: JobFunction): void {
        this.definitions.set(name, { fn, concurrency: this.defaultConcurrency, lockLifetime: this.lockLifetime, running: 0, locked: 0 });
    }

    /** A one-time job: a new document every time, even for the same name and data. */
    public async schedule(when: string | Date, name: string, data: Record<string, unknown>): Promise<HostJob> {
        const job = this.create(name, data);
        job.attrs.nextRunAt = when instanceof Date ? new Date(when.getTime()) : parseWhen(when);
        await this.save(job);
        return job;
    }

    /** A recurring job: one document per name, created or updated. */
    public async every(interval: string | number, name: string, data: Record<string, unknown>, options: { skipImmediate?: boolean } = {}): Promise<HostJob> {
        const job = this.create(name, data);
        job.attrs.type = 'single';
        job.attrs.repeatInterval = interval;
        if (options.skipImmediate) {
            job.attrs.lastRunAt = job.attrs.nextRunAt ?? new Date();
            computeNextRunAt(job);
            job.attrs.lastRunAt = undefined;
        } else {
            computeNextRunAt(job);
        }
        await this.save(job);
        return job;
    }

    public async jobs(query: JobQuery, limit = 0): Promise<Array<HostJob>> {
        return this.store.find(query, limit).map((attrs) => ({ attrs }));
    }

    public async cancel(query: JobQuery): Promise<number> {
        return this.store.remove(query);
    }

    public async start(): Promise<void> {
        if (this.processInterval) {
            return;
        }
        this.processInterval = setInterval(() => void this.processJobs(), this.processEvery);
        process.nextTick(() => void this.processJobs());
    }

    /**
     * Stops polling and releases this instance's locks (Agenda.stop); then waits for jobs still
     * running (host shutdown), unless the process is going away with them (`waitForRunning` false).
     */
    public async stop(waitForRunning = true): Promise<void> {
        clearInterval(this.processInterval);
        this.processInterval = undefined;
        for (const timer of this.timers) {
            clearTimeout(timer);
        }
        this.timers.clear();
        this.store.unlock(this.lockedJobs.map((job) => job.attrs._id));
        this.lockedJobs.length = 0;
        if (waitForRunning) {
            await Promise.allSettled([...this.running]);
        } else {
            this.gone = true;
        }
    }

    /** A poll now, as the next one of `processEvery` would do it (locks and runs what is due). */
    public async poll(): Promise<void> {
        await this.processJobs();
    }

    private create(name: string, data: Record<string, unknown>): HostJob {
        return { attrs: { _id: '', name, data, type: 'normal', priority: 0, nextRunAt: new Date() } };
    }

    private async save(job: HostJob): Promise<void> {
        const { _id, ...props } = job.attrs;
        const stored: JobProps = { ...props, lastModifiedBy: this.options.name };
        let result: JobRecord | undefined;
        if (_id) {
            result = this.store.update(_id, stored);
        } else if (stored.type === 'single') {
            result = this.store.upsertSingle(stored, new Date());
        } else {
            result = this.store.insert(stored);
        }
        if (!result) {
            return;
        }
        job.attrs._id = result._id;
        job.attrs.nextRunAt = result.nextRunAt;
        // "If the current job would have been processed in an older scan, process the job immediately."
        if (job.attrs.nextRunAt && this.nextScanAt && job.attrs.nextRunAt.getTime() < this.nextScanAt.getTime()) {
            void this.processJobs(job);
        }
    }

    private async processJobs(extraJob?: HostJob): Promise<void> {
        if (!this.processInterval) {
            return;
        }
        if (!extraJob) {
            await Promise.all([...this.definitions.keys()].map((name) => this.jobQueueFilling(name)));
        } else if (this.definitions.has(extraJob.attrs.name)) {
            this.jobsToLock.push(extraJob);
            await this.lockOnTheFly();
        }
    }

    private async lockOnTheFly(): Promise<void> {
        if (this.lockingOnTheFly) {
            return;
        }
        this.lockingOnTheFly = true;
        const job = this.jobsToLock.pop();
        if (!job || this.queueFilling.has(job.attrs.name)) {
            // Agenda lets go of the job here; the next poll finds it.
            this.lockingOnTheFly = false;
            return;
        }
        const attrs = this.store.lockIfUnchanged(job.attrs._id, job.attrs.nextRunAt, new Date());
        if (attrs) {
            this.enqueueLocked({ attrs });
            this.jobProcessing();
        }
        this.lockingOnTheFly = false;
        await this.lockOnTheFly();
    }

    private async jobQueueFilling(name: string): Promise<void> {
        this.queueFilling.add(name);
        try {
            const definition = this.definitions.get(name);
            if (!definition) {
                return;
            }
            const now = new Date();
            this.nextScanAt = new Date(now.getTime() + this.processEvery);
            const attrs = this.store.findAndLockNext(name, this.nextScanAt, new Date(now.getTime() - definition.lockLifetime), now);
            if (attrs) {
                this.enqueueLocked({ attrs });
                await this.jobQueueFilling(name);
                this.jobProcessing();
            }
        } finally {
            this.queueFilling.delete(name);
        }
    }

    private enqueueLocked(job: HostJob): void {
        this.lockedJobs.push(job);
        const definition = this.definitions.get(job.attrs.name);
        if (definition) {
            definition.locked += 1;
        }
        this.insert(job);
    }

    /** JobProcessingQueue.insert: decreasing nextRunAt from left to right, so the end holds the earliest. */
    private insert(job: HostJob): void {
        const at = this.queue.findIndex((element) => {
            const a = element.attrs.nextRunAt;
            const b = job.attrs.nextRunAt;
            if (!a || !b) {
                return a === b;
            }
            if (a.getTime() === b.getTime()) {
                return element.attrs.priority >= job.attrs.priority;
            }
            return a.getTime() < b.getTime();
        });
        if (at === -1) {
            this.queue.push(job);
        } else {
            this.queue.splice(at, 0, job);
        }
    }

    private nextConcurrencyFreeJob(): HostJob | undefined {
        for (let i = this.queue.length - 1; i >= 0; i -= 1) {
            const definition = this.definitions.get(this.queue[i].attrs.name);
            if (definition && definition.concurrency > definition.running) {
                return this.queue[i];
            }
        }
        return undefined;
    }

    private jobProcessing(): void {
        if (this.queue.length === 0) {
            return;
        }
        const job = this.nextConcurrencyFreeJob();
        if (!job) {
            // Agenda dereferences the missing job here and the call fails; nothing runs either way.
            return;
        }
        const now = Date.now();
        if (!job.attrs.nextRunAt || job.attrs.nextRunAt.getTime() <= now) {
            this.runOrRetry();
        } else {
            const timer = setTimeout(() => {
                this.timers.delete(timer);
                this.jobProcessing();
            }, job.attrs.nextRunAt.getTime() - now);
            this.timers.add(timer);
        }
    }

    /** Runs the job at the END of the queue, which need not be the free job just found (Agenda's own logic). */
    private runOrRetry(): void {
        if (!this.processInterval) {
            return;
        }
        const job = this.queue.pop();
        const definition = job ? this.definitions.get(job.attrs.name) : undefined;
        if (!job || !definition) {
            return;
        }
        if (definition.concurrency > definition.running && this.runningJobs.length < this.maxConcurrency) {
            const lockDeadline = Date.now() - definition.lockLifetime;
            if (!job.attrs.lockedAt || job.attrs.lockedAt.getTime() < lockDeadline) {
                this.lockedJobs.splice(this.lockedJobs.indexOf(job), 1);
                definition.locked -= 1;
                setImmediate(() => this.jobProcessing());
                return;
            }
            this.runningJobs.push(job);
            definition.running += 1;
            const run = this.run(job, definition).then(() => this.processJobResult(job));
            this.running.add(run);
            void run.finally(() => this.running.delete(run));
        } else {
            this.insert(job);
        }
    }

    /** Job.run: records the start and the next run (none for a one-time job) before calling the function. */
    private async run(job: HostJob, definition: Definition): Promise<void> {
        let failure: unknown;
        try {
            job.attrs.lastRunAt = new Date();
            computeNextRunAt(job);
            await this.save(job);
            await definition.fn(job);
        } catch (error) {
            failure = error;
        }
        if (this.gone) {
            return;
        }
        if (failure !== undefined) {
            job.attrs.failReason = failure instanceof Error ? failure.message : String(failure);
            job.attrs.failCount = (job.attrs.failCount ?? 0) + 1;
            job.attrs.failedAt = new Date();
            job.attrs.lastFinishedAt = job.attrs.failedAt;
            this.options.onFail?.(job, failure);
        } else {
            job.attrs.lastFinishedAt = new Date();
        }
        job.attrs.lockedAt = null;
        await this.save(job);
    }

    private processJobResult(job: HostJob): void {
        const definition = this.definitions.get(job.attrs.name);
        this.runningJobs.splice(this.runningJobs.indexOf(job), 1);
        const locked = this.lockedJobs.indexOf(job);
        if (locked !== -1) {
            this.lockedJobs.splice(locked, 1);
        }
        if (definition) {
            definition.running = Math.max(0, definition.running - 1);
            definition.locked = Math.max(0, definition.locked - 1);
        }
        this.jobProcessing();
    }
}

/** Job.computeNextRunAt for human intervals: a first run now, then the interval after each start; a one-time job gets none. */
function computeNextRunAt(job: HostJob): void {
    const interval = job.attrs.repeatInterval;
    job.attrs.nextRunAt = null;
    if (interval === undefined) {
        return;
    }
    const lastRun = job.attrs.lastRunAt ?? new Date();
    const ms = typeof interval === 'number' ? interval : intervalMs(interval);
    job.attrs.nextRunAt = !job.attrs.lastRunAt && ms ? new Date(lastRun.getTime()) : new Date(lastRun.getTime() + ms);
}

/** Job.schedule: a date string, or a human expression such as "in 5 seconds". */
function parseWhen(when: string): Date {
    const date = new Date(when);
    return Number.isNaN(date.getTime()) ? new Date(Date.now() + delayUntil(when)) : date;
}
