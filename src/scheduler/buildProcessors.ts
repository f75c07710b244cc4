import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IJobContext, IProcessor, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';
import { DeliveryJob, SWEEP_INTERVAL } from '../outbox/DeliveryJobs';
import { OutboxProcessor } from '../outbox/OutboxProcessor';
import { HISTORY_JOB, runHistoryJob } from '../platforms/rapidpro/HistoryJob';
import { outboundAdapter } from '../sources/outboundAdapters';

type Job = (app: IApp, context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => Promise<void>;

function outbox(app: IApp, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): OutboxProcessor {
    return new OutboxProcessor({ read, modify, http, persistence, logger: app.getLogger(), targets: (source) => outboundAdapter(source)?.target });
}

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

const deliverConversation: Job = async (app, context, read, modify, http, persistence) => {
    await outbox(app, read, modify, http, persistence).deliverConversation(String(context.conversationId));
};

const sweep: Job = async (app, _context, read, modify, http, persistence) => {
    await outbox(app, read, modify, http, persistence).deliverAll();
};

const importHistory: Job = async (app, context, read, modify, http, persistence) => {
    await runHistoryJob(context, app.getID(), read, modify, http, persistence, app.getLogger());
};

/** The app's scheduler jobs: outbox delivery (one conversation now, and a recurring sweep re-armed at every start) and history import. */
export function buildProcessors(app: IApp): Array<IProcessor> {
    return [
        { id: DeliveryJob.Conversation, processor: processor(app, deliverConversation) },
        { id: DeliveryJob.Sweep, startupSetting: { type: StartupType.RECURRING, interval: SWEEP_INTERVAL }, processor: processor(app, sweep) },
        { id: HISTORY_JOB, processor: processor(app, importHistory) },
    ];
}
