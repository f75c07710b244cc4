import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { emptyResponse, jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { parseCallbackSettings } from './parseCallbackSettings';
import { RapidProCallbackStore } from './RapidProCallbackStore';
import { RAPIDPRO_SOURCE } from './rapidProSource';

/** `PUT /settings` stores RapidPro's callback URL (RapidPro's connect check needs exactly 204); `GET` shows it. */
export class RapidProSettingsEndpoint extends JsonEndpoint {
    public readonly path = 'settings';
    public readonly source = RAPIDPRO_SOURCE;
    protected readonly methods = ['get', 'put'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };
    protected readonly bodyMethods = ['put'] as const;

    protected async handle({ request, method, read, persistence, settings, logger }: RequestContext): Promise<IApiResponse> {
        const store = new RapidProCallbackStore(read.getPersistenceReader(), settings, persistence, this.app.getAccessors().environmentWriter);
        if (method === 'get') {
            const url = await store.url();
            return jsonResponse(200, { webhook: { url: url ?? null } });
        }
        const url = parseCallbackSettings(request.content);
        await store.save(url, new Date());
        logger.info('rapidpro: callback URL stored (RapidPro connected)');
        return emptyResponse(204);
    }
}
