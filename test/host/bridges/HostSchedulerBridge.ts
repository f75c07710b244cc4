import { IJobContext, IOnetimeSchedule, IProcessor, IRecurringSchedule, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';
import { SchedulerBridge } from '@rocket.chat/apps-engine/server/bridges/SchedulerBridge';

import { HostErrors } from '../HostErrors';
import { HostAgenda, HostJob, JobFunction } from '../scheduler/HostAgenda';
import { HostJobStore, JobQuery, JobRecord } from '../scheduler/HostJobStore';

/** A scheduled job as tests see it: the app's own processor id (without the engine's `_<appId>` suffix). */
export interface ScheduledJob {
    id: string;
    name: string;
    type: JobRecord['type'];
    data: Record<string, unknown>;
    nextRunAt: Date | null;
    lockedAt: Date | null;
    lastRunAt?: Date;
    lastFinishedAt?: Date;
    failReason?: string;
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * Rocket.Chat's scheduler bridge (apps/meteor/app/apps/server/bridges/scheduler.ts): Agenda
 * with `defaultConcurrency: 1`, started on the first schedule call, jobs in a collection that
 * outlives the instance (the host's HostJobStore). A one-time job is removed after its
 * processor succeeds; one that fails stays, failed, and is not run again.
 */
export class HostSchedulerBridge extends SchedulerBridge {
    private readonly agenda: HostAgenda;
    private started = false;

    constructor(private readonly store: HostJobStore, private readonly errors: HostErrors, instance = 'local') {
        super();
        this.agenda = new HostAgenda(store, {
            name: instance,
            defaultConcurrency: 1,
            onFail: (job, error) => this.errors.record(`job ${job.attrs.name}`, error),
        });
    }

    protected async registerProcessors(processors: Array<IProcessor> = [], appId: string): Promise<void | Array<string>> {
        const runAfterRegister: Array<Promise<void | string>> = [];
        for (const { id, processor, startupSetting } of processors) {
            this.agenda.define(id, this.callProcessor(processor));
            if (startupSetting?.type === StartupType.ONETIME) {
                runAfterRegister.push(this.scheduleOnceAfterRegister({ id, when: startupSetting.when, data: startupSetting.data }, appId));
            } else if (startupSetting?.type === StartupType.RECURRING) {
                runAfterRegister.push(this.scheduleRecurring({ id, interval: startupSetting.interval, skipImmediate: startupSetting.skipImmediate, data: startupSetting.data }, appId));
            }
        }
        if (runAfterRegister.length) {
            return (await Promise.all(runAfterRegister)) as Array<string>;
        }
    }

    protected async scheduleOnce({ id, when, data }: IOnetimeSchedule, appId: string): Promise<void | string> {
        try {
            await this.startScheduler();
            const job = await this.agenda.schedule(when, id, { ...data, appId });
            return job.attrs._id;
        } catch (error) {
            this.errors.record(`scheduleOnce ${id}`, error);
        }
    }

    protected async scheduleRecurring({ id, interval, skipImmediate = false, data }: IRecurringSchedule, appId: string): Promise<void | string> {
        try {
            await this.startScheduler();
            const job = await this.agenda.every(interval, id, { ...data, appId }, { skipImmediate });
            return job.attrs._id;
        } catch (error) {
            this.errors.record(`scheduleRecurring ${id}`, error);
        }
    }

    /** By job document id when the engine's id starts with one, else every job of that name. */
    protected async cancelJob(jobId: string, _appId: string): Promise<void> {
        await this.startScheduler();
        const first = jobId.split('_')[0];
        await this.agenda.cancel(OBJECT_ID.test(first) ? { _id: first } : { name: jobId });
    }

    protected async cancelAllJobs(appId: string): Promise<void> {
        await this.startScheduler();
        await this.agenda.cancel({ name: new RegExp(`_${appId}$`) });
    }

    /** Stops this instance's scheduler (waiting for its running jobs unless the instance dies with them); the jobs stay in the store. */
    public async stop(waitForRunning = true): Promise<void> {
        await this.agenda.stop(waitForRunning);
        this.started = false;
    }

    /** This instance's Agenda polls now instead of at its next 5-second poll. */
    public async pollNow(): Promise<void> {
        await this.agenda.poll();
    }

    /** The app's job documents, for tests (e.g. to count pending jobs). */
    public jobs(appId: string): Array<ScheduledJob> {
        const query: JobQuery = { name: new RegExp(`_${appId}$`) };
        return this.store.find(query).map((record) => ({
            id: record._id,
            name: record.name.slice(0, -(appId.length + 1)),
            type: record.type,
            data: record.data,
            nextRunAt: record.nextRunAt,
            lockedAt: record.lockedAt ?? null,
            lastRunAt: record.lastRunAt,
            lastFinishedAt: record.lastFinishedAt,
            failReason: record.failReason,
        }));
    }

    private async startScheduler(): Promise<void> {
        if (!this.started) {
            await this.agenda.start();
            this.started = true;
        }
    }

    private async scheduleOnceAfterRegister(job: IOnetimeSchedule, appId: string): Promise<void | string> {
        const scheduled = await this.agenda.jobs({ name: job.id, type: 'normal' }, 1);
        if (!scheduled.length) {
            return this.scheduleOnce(job, appId);
        }
    }

    /** Rocket.Chat's _callProcessor: the job's data without appId, plus its jobId; a one-time job is removed once it ran. */
    private callProcessor(processor: IProcessor['processor']): JobFunction {
        return async (job: HostJob) => {
            const { appId: _appId, ...data } = job.attrs.data;
            await (processor as (context: IJobContext) => Promise<void>)({ ...data, jobId: job.attrs._id });
            if (job.attrs.type === 'normal') {
                await this.agenda.cancel({ _id: job.attrs._id });
            }
        };
    }
}
