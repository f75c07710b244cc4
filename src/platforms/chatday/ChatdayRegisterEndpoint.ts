import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { partnerCallFailure } from '../PartnerCallResult';
import { CHATDAY_SOURCE } from './ChatdayInbound';
import { registerWithChatday } from './ChatdayRegistration';

/**
 * `POST /chatday.register` (App Secret): registers with Chatday again on demand. Settings
 * missing → 409 naming them (nothing is called); Chatday failing → 502 with its answer.
 */
export class ChatdayRegisterEndpoint extends JsonEndpoint {
    public readonly path = 'chatday.register';
    public readonly source = CHATDAY_SOURCE;
    protected readonly methods = ['post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    protected async handle({ request, http, settings, logger }: RequestContext): Promise<IApiResponse> {
        const result = await registerWithChatday(http, settings, this.app.getAccessors().environmentWriter, logger);
        if (!result.ok) {
            throw partnerCallFailure('Registration with Chatday', result);
        }
        return jsonResponse(200, { status: 'registered' });
    }
}
