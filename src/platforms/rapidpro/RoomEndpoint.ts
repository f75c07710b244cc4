import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { parseOpenTicket } from './parseOpenTicket';
import { TicketCallEndpoint } from './TicketCallEndpoint';
import { TicketOpener } from './TicketOpener';

/** `/room` (GET with a JSON body, or POST): open a ticket → 201 `{"id": "<room id>"}`. */
export class RoomEndpoint extends TicketCallEndpoint {
    public readonly path = 'room';

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const roomId = await new TicketOpener(context).open(parseOpenTicket(context.request.content));
        return jsonResponse(201, { id: roomId });
    }
}
