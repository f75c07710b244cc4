import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { forwardVisitorMessage } from './forwardVisitorMessage';
import { parseVisitorMessage } from './parseVisitorMessage';
import { RAPIDPRO_SOURCE } from './rapidProSource';

/** `POST /visitor-message`: a visitor message (what the contact wrote in RapidPro) → 201 `{"id": "<message id>"}`. */
export class VisitorMessageEndpoint extends JsonEndpoint {
    public readonly path = 'visitor-message';
    public readonly source = RAPIDPRO_SOURCE;
    protected readonly methods = ['post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };
    protected readonly bodyMethods = ['post'] as const;

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const id = await forwardVisitorMessage(context, parseVisitorMessage(context.request.content));
        return jsonResponse(201, { id });
    }
}
