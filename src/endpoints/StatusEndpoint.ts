import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../http/JsonEndpoint';
import { jsonResponse } from '../http/jsonResponse';
import { RequestContext } from '../http/RequestContext';
import { EndpointAuth } from '../security/EndpointAuth';
import { APP_SOURCE } from '../stats/appSource';
import { buildStatusReport } from '../status/buildStatusReport';
import { statusJson } from '../status/statusJson';

/** `GET /status`: health per source for operators (App Secret required; never shows a secret). */
export class StatusEndpoint extends JsonEndpoint {
    public readonly path = 'status';
    public readonly source = APP_SOURCE;
    protected readonly methods = ['get'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    protected async handle({ request, read, persistence, settings }: RequestContext): Promise<IApiResponse> {
        return jsonResponse(200, statusJson(await buildStatusReport(read, persistence, settings)));
    }
}
