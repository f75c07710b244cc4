import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { HttpError } from '../../http/HttpError';
import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { setUpUchatWebhook } from './UchatPartnerSetup';

/** `POST /uchat.setup` (App Secret): runs the one-step UChat webhook setup on demand. */
export class UchatSetupEndpoint extends JsonEndpoint {
    public readonly path = 'uchat.setup';
    protected readonly methods = ['post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    protected async handle({ request, read, http, settings, logger, appId }: RequestContext): Promise<IApiResponse> {
        const result = await setUpUchatWebhook(read, http, this.app.getAccessors().environmentWriter, appId, logger);
        if (!result.ok) {
            throw new HttpError(502, `UChat webhook setup failed: ${result.error}`);
        }
        return jsonResponse(200, { status: 'webhook set' });
    }
}
