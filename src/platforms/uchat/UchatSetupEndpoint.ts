import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { partnerCallFailure } from '../PartnerCallResult';
import { UCHAT_SOURCE } from './UchatInbound';
import { setUpUchatWebhook } from './UchatPartnerSetup';

/**
 * `POST /uchat.setup` (App Secret): runs the one-step UChat webhook setup on demand. Settings
 * missing → 409 naming them (nothing is called); UChat failing → 502 with its answer.
 */
export class UchatSetupEndpoint extends JsonEndpoint {
    public readonly path = 'uchat.setup';
    public readonly source = UCHAT_SOURCE;
    protected readonly methods = ['post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    protected async handle({ request, read, http, settings, logger, appId }: RequestContext): Promise<IApiResponse> {
        const result = await setUpUchatWebhook(read, http, this.app.getAccessors().environmentWriter, appId, logger);
        if (!result.ok) {
            throw partnerCallFailure('UChat webhook setup', result);
        }
        return jsonResponse(200, { status: 'webhook set' });
    }
}
