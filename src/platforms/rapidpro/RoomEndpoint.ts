import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { parseOpenTicket } from './parseOpenTicket';
import { TicketOpener } from './TicketOpener';

/** `/room` (GET with a JSON body, or POST): open a ticket → 201 `{"id": "<room id>"}`. */
export class RoomEndpoint extends JsonEndpoint {
    public readonly path = 'room';
    protected readonly methods = ['get', 'post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };
    protected readonly bodyMethods = ['get', 'post'] as const;

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const roomId = await new TicketOpener(context).open(parseOpenTicket(context.request.content));
        return jsonResponse(201, { id: roomId });
    }
}
