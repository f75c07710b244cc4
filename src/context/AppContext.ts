import { IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppSettings } from '../settings/AppSettings';

/** Everything a request, event or job handler may use, gathered once per call. */
export interface AppContext {
    readonly appId: string;
    readonly read: IRead;
    readonly modify: IModify;
    readonly http: IHttp;
    readonly persistence: IPersistence;
    readonly settings: AppSettings;
    readonly logger: ILogger;
}
