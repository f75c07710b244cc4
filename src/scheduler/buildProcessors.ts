import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IJobContext, IProcessor, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';

import { ALERTS_INTERVAL, ALERTS_JOB } from '../alerts/AlertJobs';
import { runAlertJob } from '../alerts/runAlertJob';
import { PENDING_INBOUND_INTERVAL, PENDING_INBOUND_JOB, replayPendingInbound } from '../bridges/replayPendingInbound';
import { laneJob, SWEEP_INTERVAL, SWEEP_JOB } from '../outbox/DeliveryJobs';
import { LaneRunner } from '../outbox/LaneRunner';
import { sweepOutbox } from '../outbox/OutboxSweep';
import { eachOf } from '../platforms/eachOf';
import { OUTBOUND_SOURCES, platformOf, PLATFORMS } from '../platforms/registry';
import { armRetentionPurge } from '../retention/armRetentionPurge';
import { RETENTION_DAILY_INTERVAL, RETENTION_DAILY_JOB, RETENTION_PURGE_JOB } from '../retention/RetentionJobs';
import { runRetentionPurge } from '../retention/runRetentionPurge';
import { AppSettings } from '../settings/AppSettings';
import { Job } from './Job';

function isApp(value: unknown): value is IApp {
    return typeof value === 'object' && value !== null && typeof (value as Partial<IApp>).getLogger === 'function';
}

/*
 * Apps-Engine 1.62 calls a processor with `this` bound to the app wrapped for that job, whose
 * logger is the one Rocket.Chat stores for the job. Older engines call it as a method of the
 * processor object, without the app. So the app comes in by closure, and the job's own app is
 * used when the engine gives one.
 */
function processor(app: IApp, job: Job): IProcessor['processor'] {
    return async function (this: unknown, context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): Promise<void> {
        await job(isApp(this) ? this : app, context, read, modify, http, persistence);
    };
}

/** One delivery lane per source: its own job name, so a slow receiver never holds up another source's deliveries. */
function lane(source: string): Job {
    return async (app, _context, read, modify, http, persistence) => {
        const environment = typeof app.getAccessors === 'function' ? app.getAccessors().environmentWriter : undefined;
        await new LaneRunner({ read, modify, http, persistence, logger: app.getLogger(), environment, source, target: platformOf(source)?.outbound?.target }).run();
    };
}

const sweep: Job = async (app, _context, read, modify, _http, persistence) => {
    await sweepOutbox(read, persistence, modify, app.getLogger(), OUTBOUND_SOURCES);
};

const replayPending: Job = async (app, _context, read, modify, http, persistence) => {
    await replayPendingInbound(app.getID(), read, modify, http, persistence, app.getLogger());
};

const alerts: Job = async (app, _context, read, modify, _http, persistence) => {
    await runAlertJob({ appId: app.getID(), read, modify, persistence, settings: AppSettings.from(read), logger: app.getLogger() });
};

/**
 * The app's scheduler jobs: a delivery lane per source, the recurring sweep re-armed at every
 * start, the recurring replay of bridge events kept while no agent was online, the recurring
 * alert job, the daily retention job and the purge it arms, and each platform's own jobs.
 */
export function buildProcessors(app: IApp): Array<IProcessor> {
    return [
        ...OUTBOUND_SOURCES.map((source) => ({ id: laneJob(source), processor: processor(app, lane(source)) })),
        { id: SWEEP_JOB, startupSetting: { type: StartupType.RECURRING, interval: SWEEP_INTERVAL }, processor: processor(app, sweep) },
        { id: PENDING_INBOUND_JOB, startupSetting: { type: StartupType.RECURRING, interval: PENDING_INBOUND_INTERVAL }, processor: processor(app, replayPending) },
        { id: ALERTS_JOB, startupSetting: { type: StartupType.RECURRING, interval: ALERTS_INTERVAL }, processor: processor(app, alerts) },
        { id: RETENTION_DAILY_JOB, startupSetting: { type: StartupType.RECURRING, interval: RETENTION_DAILY_INTERVAL }, processor: processor(app, armRetentionPurge) },
        { id: RETENTION_PURGE_JOB, processor: processor(app, runRetentionPurge) },
        ...eachOf(PLATFORMS, (platform) => (platform.jobs ?? []).map((job) => ({ id: job.id, processor: processor(app, job.run) }))),
    ];
}
