import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IJobContext, IProcessor, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';
import { PENDING_INBOUND_INTERVAL, PENDING_INBOUND_JOB, replayPendingInbound } from '../bridges/replayPendingInbound';
import { DeliveryJob, SWEEP_INTERVAL } from '../outbox/DeliveryJobs';
import { OutboxProcessor } from '../outbox/OutboxProcessor';
import { HISTORY_JOB, runHistoryJob } from '../platforms/rapidpro/HistoryJob';
import { outboundAdapter } from '../sources/outboundAdapters';

type Job = (this: IApp, context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => Promise<void>;

function outbox(app: IApp, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): OutboxProcessor {
    return new OutboxProcessor({ read, modify, http, persistence, logger: app.getLogger(), targets: (source) => outboundAdapter(source)?.target });
}

/*
 * The engine calls a processor with `this` bound to the app wrapped for that job, whose
 * logger is the one Rocket.Chat stores; hence plain functions using `this`, not closures.
 */
const deliverConversation: Job = async function (context, read, modify, http, persistence) {
    await outbox(this, read, modify, http, persistence).deliverConversation(String(context.conversationId));
};

const sweep: Job = async function (_context, read, modify, http, persistence) {
    await outbox(this, read, modify, http, persistence).deliverAll();
};

const importHistory: Job = async function (context, read, modify, http, persistence) {
    await runHistoryJob(context, this.getID(), read, modify, http, persistence, this.getLogger());
};

/**
 * Bridge events kept while no agent was online. Engines before 1.62 call processors without
 * `this`; then the app given at registration is used (its logger is the app's own).
 */
function replayPending(app: IApp): Job {
    return async function (this: IApp | undefined, _context, read, modify, _http, persistence) {
        const self = this && typeof this.getLogger === 'function' ? this : app;
        await replayPendingInbound(self.getID(), read, modify, persistence, self.getLogger());
    };
}

/**
 * The app's scheduler jobs: outbox delivery (one conversation now, and a recurring sweep
 * re-armed at every start), history import, and the recurring replay of bridge events kept
 * while no agent was online.
 */
export function buildProcessors(app: IApp): Array<IProcessor> {
    return [
        { id: DeliveryJob.Conversation, processor: deliverConversation as IProcessor['processor'] },
        { id: DeliveryJob.Sweep, startupSetting: { type: StartupType.RECURRING, interval: SWEEP_INTERVAL }, processor: sweep as IProcessor['processor'] },
        { id: HISTORY_JOB, processor: importHistory as IProcessor['processor'] },
        { id: PENDING_INBOUND_JOB, startupSetting: { type: StartupType.RECURRING, interval: PENDING_INBOUND_INTERVAL }, processor: replayPending(app) as IProcessor['processor'] },
    ];
}
