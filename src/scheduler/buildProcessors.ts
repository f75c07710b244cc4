import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IJobContext, IProcessor, StartupType } from '@rocket.chat/apps-engine/definition/scheduler';
import { DeliveryJob, SWEEP_INTERVAL } from '../outbox/DeliveryJobs';
import { OutboxProcessor } from '../outbox/OutboxProcessor';
import { HISTORY_JOB, runHistoryJob } from '../rapidpro/HistoryJob';
import { outboundAdapter } from '../sources/outboundAdapters';

/** The app's scheduler jobs: outbox delivery (one conversation now, and a recurring sweep re-armed at every start) and history import. */
export function buildProcessors(app: IApp): Array<IProcessor> {
    const outbox = (read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) =>
        new OutboxProcessor({ read, modify, http, persistence, logger: app.getLogger(), targets: (source) => outboundAdapter(source)?.target });
    return [
        {
            id: DeliveryJob.Conversation,
            processor: async (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => {
                await outbox(read, modify, http, persistence).deliverConversation(String(context.conversationId));
            },
        },
        {
            id: DeliveryJob.Sweep,
            startupSetting: { type: StartupType.RECURRING, interval: SWEEP_INTERVAL },
            processor: async (_context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => {
                await outbox(read, modify, http, persistence).deliverAll();
            },
        },
        {
            id: HISTORY_JOB,
            processor: async (context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => {
                await runHistoryJob(context, app.getID(), read, modify, http, persistence, app.getLogger());
            },
        },
    ];
}
