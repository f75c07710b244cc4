import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { JsonEndpoint } from '../../http/JsonEndpoint';
import { emptyResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { parseVisitorToken } from './parseVisitorToken';
import { RAPIDPRO_SOURCE } from './rapidProSource';

/** `/room.close` (GET with a body, or POST): RapidPro closed the ticket → the room closes, 204; already closed → 204 too. */
export class RoomCloseEndpoint extends JsonEndpoint {
    public readonly path = 'room.close';
    protected readonly methods = ['get', 'post'] as const;
    protected readonly auth: EndpointAuth = { kind: 'app-secret' };
    protected readonly bodyMethods = ['get', 'post'] as const;

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
