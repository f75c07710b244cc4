import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { EndpointAuth } from '../../security/EndpointAuth';
import { RAPIDPRO_SOURCE } from './rapidProSource';

/** `GET /secret.check`: RapidPro's (legacy) check that its secret matches the App Secret. */
export class SecretCheckEndpoint extends JsonEndpoint {
    public readonly path = 'secret.check';
    public readonly source = RAPIDPRO_SOURCE;
    protected readonly methods = ['get'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };

    /** The App Secret is checked before this runs (auth): reaching here means it matched. */
    protected async handle(): Promise<IApiResponse> {
        return jsonResponse(200, { status: 'ok' });
    }
}
