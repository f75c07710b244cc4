import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { jsonResponse } from '../http/jsonResponse';
import { RequestContext } from '../http/RequestContext';
import { requireAppSecret } from '../security/AppSecretGuard';
import { buildStatusReport } from '../status/buildStatusReport';
import { statusJson } from '../status/statusJson';

/** `GET /status`: health per source for operators (App Secret required; never shows a secret). */
export class StatusEndpoint extends JsonEndpoint {
    public readonly path = 'status';
    protected readonly methods = ['get'] as const;

    protected async handle({ request, read, persistence, settings }: RequestContext): Promise<IApiResponse> {
        await requireAppSecret(request.headers, settings);
        return jsonResponse(200, statusJson(await buildStatusReport(read, persistence, settings)));
    }
}
