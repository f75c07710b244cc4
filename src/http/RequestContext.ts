import { IApiRequest } from '@rocket.chat/apps-engine/definition/api';

import { AppContext } from '../context/AppContext';

/** The app's context plus the request being answered. */
export interface RequestContext extends AppContext {
    readonly request: IApiRequest;
    readonly method: string;
}
