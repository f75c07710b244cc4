import { IOnetimeSchedule, IProcessor, IRecurringSchedule, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';
import { SchedulerBridge } from '@rocket.chat/apps-engine/server/bridges/SchedulerBridge';
import { delayUntil, intervalMs } from './humanInterval';

interface Job {
    name: string;
    timer: ReturnType<typeof setTimeout>;
    recurring: boolean;
    running: boolean;
}

/**
 * Rocket.Chat schedules app jobs with Agenda; this does the same with real timers.
 * A recurring job never overlaps itself (Agenda locks it while it runs); one-time jobs
 * with the same name may run side by side, as in Agenda.
 */
export class HostSchedulerBridge extends SchedulerBridge {
    private readonly processors = new Map<string, IProcessor['processor']>();
    private readonly jobs = new Set<Job>();
    private readonly running = new Set<Promise<void>>();

    protected async registerProcessors(processors: Array<IProcessor>): Promise<void | Array<string>> {
        for (const processor of processors) {
            this.processors.set(processor.id, processor.processor);
            const startup = processor.startupSetting;
            if (startup?.type === StartupType.RECURRING) {
                await this.scheduleRecurring({ id: processor.id, interval: startup.interval, skipImmediate: startup.skipImmediate, data: startup.data });
            } else if (startup?.type === StartupType.ONETIME) {
                await this.scheduleOnce({ id: processor.id, when: startup.when, data: startup.data });
            }
        }
        return processors.map((processor) => processor.id);
    }

    protected async scheduleOnce(job: IOnetimeSchedule): Promise<void | string> {
        const entry: Job = { name: job.id, recurring: false, running: false, timer: undefined as unknown as ReturnType<typeof setTimeout> };
        entry.timer = setTimeout(() => {
            this.jobs.delete(entry);
            this.run(entry, job.data);
        }, delayUntil(job.when));
        this.jobs.add(entry);
        return job.id;
    }

    protected async scheduleRecurring(job: IRecurringSchedule): Promise<void | string> {
        await this.cancelJob(job.id);
        const entry: Job = { name: job.id, recurring: true, running: false, timer: undefined as unknown as ReturnType<typeof setTimeout> };
        entry.timer = setInterval(() => this.run(entry, job.data), Math.max(10, intervalMs(job.interval)));
        this.jobs.add(entry);
        if (!job.skipImmediate) {
            setImmediate(() => this.run(entry, job.data));
        }
        return job.id;
    }

    protected async cancelJob(jobId: string): Promise<void> {
        for (const job of [...this.jobs]) {
            if (job.name === jobId) {
                clearTimeout(job.timer);
                clearInterval(job.timer);
                this.jobs.delete(job);
            }
        }
    }

    protected async cancelAllJobs(): Promise<void> {
        for (const job of [...this.jobs]) {
            await this.cancelJob(job.name);
        }
    }

    /** Stops every timer and waits for jobs that are running (host shutdown). */
    public async stop(): Promise<void> {
        await this.cancelAllJobs();
        await Promise.allSettled([...this.running]);
    }

    public scheduledJobNames(): Array<string> {
        return [...this.jobs].map((job) => job.name);
    }

    private run(job: Job, data: object | undefined): void {
        const processor = this.processors.get(job.name);
        if (!processor || (job.recurring && job.running)) {
            return;
        }
        job.running = true;
        const execution = Promise.resolve()
            .then(() => processor({ ...data }, undefined as never, undefined as never, undefined as never, undefined as never))
            .catch(() => undefined)
            .finally(() => {
                job.running = false;
                this.running.delete(execution);
            });
        this.running.add(execution);
    }
}
