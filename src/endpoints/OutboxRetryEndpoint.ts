import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { HttpError } from '../http/HttpError';
import { HttpMethod, JsonEndpoint } from '../http/JsonEndpoint';
import { jsonResponse } from '../http/jsonResponse';
import { RequestContext } from '../http/RequestContext';
import { retryParked } from '../outbox/retryParked';
import { EndpointAuth } from '../security/EndpointAuth';
import { APP_SOURCE } from '../stats/appSource';
import { parseRetrySelection } from './parseRetrySelection';

/** `POST /outbox.retry`: sends parked deliveries again (App Secret required) → 200 `{"retried": n, "remaining": m}`. */
export class OutboxRetryEndpoint extends JsonEndpoint {
    public readonly path = 'outbox.retry';
    public readonly source = APP_SOURCE;
    protected readonly methods: ReadonlyArray<HttpMethod> = ['post'];
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };
    protected readonly bodyMethods: ReadonlyArray<HttpMethod> = ['post'];

    protected async handle({ request, read, modify, persistence, settings, logger }: RequestContext): Promise<IApiResponse> {
        const selection = parseRetrySelection(request.content);
        const outcome = await retryParked(read.getPersistenceReader(), persistence, modify, logger, selection);
        if (!outcome) {
            throw HttpError.notFound(`no parked item "${'item' in selection ? selection.item : ''}": status lists the parked items with their ids`);
        }
        return jsonResponse(200, outcome);
    }
}
