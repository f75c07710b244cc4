import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';

import { AppSettings } from '../settings/AppSettings';
import { AppContext } from './AppContext';

/** The app's context for an event or a scheduler job, from what the engine hands the app. */
export function contextOf(app: IApp, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): AppContext {
    return { appId: app.getID(), read, modify, http, persistence, settings: AppSettings.from(read), logger: app.getLogger() };
}
