import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { JsonEndpoint } from '../../http/JsonEndpoint';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { parseOpenTicket } from './parseOpenTicket';
import { TicketOpener } from './TicketOpener';
import { requireAppSecret } from '../../security/AppSecretGuard';

/** `/room` (GET with a JSON body, or POST): open a ticket → 201 `{"id": "<room id>"}`. */
export class RoomEndpoint extends JsonEndpoint {
    public readonly path = 'room';
    protected readonly methods = ['get', 'post'] as const;
    protected readonly bodyMethods = ['get', 'post'] as const;

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        await requireAppSecret(context.request.headers, context.settings);
        const roomId = await new TicketOpener(context).open(parseOpenTicket(context.request.content));
        return jsonResponse(201, { id: roomId });
    }
}
