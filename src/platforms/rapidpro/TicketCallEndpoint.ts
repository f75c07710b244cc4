import { JsonEndpoint } from '../../http/JsonEndpoint';
import { EndpointAuth } from '../../security/EndpointAuth';
import { RAPIDPRO_SOURCE } from './rapidProSource';

/** A ticket call from RapidPro: a GET with a JSON body (which RapidPro retries) or a POST, with the App Secret. */
export abstract class TicketCallEndpoint extends JsonEndpoint {
    public readonly source = RAPIDPRO_SOURCE;
    protected readonly methods = ['get', 'post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };
    protected readonly bodyMethods = ['get', 'post'] as const;
}
