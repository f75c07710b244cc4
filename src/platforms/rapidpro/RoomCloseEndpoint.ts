import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { emptyResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { parseVisitorToken } from './parseVisitorToken';
import { RAPIDPRO_SOURCE } from './rapidProSource';
import { TicketCallEndpoint } from './TicketCallEndpoint';

/**
 * `/room.close` (GET with a body, or POST): RapidPro closed the ticket → the room closes, 204; already closed → 204 too.
 * A contact whose last conversation the retention job forgot is unknown again: 404.
 */
export class RoomCloseEndpoint extends TicketCallEndpoint {
    public readonly path = 'room.close';

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const token = parseVisitorToken(context.request.content);
        const conversations = new ConversationService(context);
        const link = await conversations.latestOfVisitor(RAPIDPRO_SOURCE, token);
        if (!link) {
            throw HttpError.notFound(`no ticket is known for visitor token "${token}": none was opened, or the last one was closed more than retention_days ago and forgotten`);
        }
        await conversations.closeFromSource(link, `Closed: the ticket ${link.conversationKey} was closed in RapidPro.`);
        return emptyResponse(204);
    }
}
