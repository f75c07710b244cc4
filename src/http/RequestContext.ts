import { IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApiRequest } from '@rocket.chat/apps-engine/definition/api';
import { AppSettings } from '../settings/AppSettings';

/** Everything a request handler may use, gathered once per request. */
export interface RequestContext {
    readonly request: IApiRequest;
    readonly appId: string;
    readonly method: string;
    readonly read: IRead;
    readonly modify: IModify;
    readonly http: IHttp;
    readonly persistence: IPersistence;
    readonly settings: AppSettings;
    readonly logger: ILogger;
}
