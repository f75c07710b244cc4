import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { HttpError } from '../../http/HttpError';
import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { registerWithChatday } from './ChatdayRegistration';

/** `POST /chatday.register` (App Secret): registers with Chatday again on demand. */
export class ChatdayRegisterEndpoint extends JsonEndpoint {
    public readonly path = 'chatday.register';
    protected readonly methods = ['post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    protected async handle({ request, http, settings, logger }: RequestContext): Promise<IApiResponse> {
        const result = await registerWithChatday(http, settings, this.app.getAccessors().environmentWriter, logger);
        if (!result.ok) {
            throw new HttpError(502, `registration with Chatday failed: ${result.error}`);
        }
        return jsonResponse(200, { status: 'registered' });
    }
}
