import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IJobContext } from '@rocket.chat/apps-engine/definition/scheduler';

/** A scheduler job's work; `app` is the app the engine ran it for. */
export type Job = (app: IApp, context: IJobContext, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => Promise<void>;
