import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';

/** `GET /secret.check`: RapidPro's (legacy) check that its secret matches the App Secret. */
export class SecretCheckEndpoint extends JsonEndpoint {
    public readonly path = 'secret.check';
    protected readonly methods = ['get'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    protected async handle({ request, settings }: RequestContext): Promise<IApiResponse> {
        return jsonResponse(200, { status: 'ok' });
    }
}
