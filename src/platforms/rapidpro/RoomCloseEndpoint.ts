import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { emptyResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { parseVisitorToken } from './parseVisitorToken';
import { RAPIDPRO_SOURCE } from './rapidProSource';
import { TicketCallEndpoint } from './TicketCallEndpoint';

/** `/room.close` (GET with a body, or POST): RapidPro closed the ticket → the room closes, 204; already closed → 204 too. */
export class RoomCloseEndpoint extends TicketCallEndpoint {
    public readonly path = 'room.close';

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const token = parseVisitorToken(context.request.content);
        const conversations = new ConversationService(context);
        const link = await conversations.latestOfVisitor(RAPIDPRO_SOURCE, token);
        if (!link) {
            throw HttpError.notFound(`no ticket was ever opened for visitor token "${token}"`);
        }
        await conversations.closeFromSource(link, `Closed: the ticket ${link.conversationKey} was closed in RapidPro.`);
        return emptyResponse(204);
    }
}
