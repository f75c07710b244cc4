import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { HttpError } from '../../http/HttpError';
import { JsonEndpoint } from '../../http/JsonEndpoint';
import { emptyResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { closeFromSource } from '../../links/closeFromSource';
import { ConversationLinkStore } from '../../links/ConversationLinkStore';
import { LivechatGateway } from '../../livechat/LivechatGateway';
import { parseVisitorToken } from '../../rapidpro/parseVisitorToken';
import { SOURCE } from '../../rapidpro/TicketOpener';
import { requireAppSecret } from '../../security/AppSecretGuard';

/** `/room.close` (GET with a body, or POST): RapidPro closed the ticket → the room closes, 204; already closed → 204 too. */
export class RoomCloseEndpoint extends JsonEndpoint {
    public readonly path = 'room.close';
    protected readonly methods = ['get', 'post'] as const;

    protected async handle({ request, read, modify, persistence, settings, logger, appId }: RequestContext): Promise<IApiResponse> {
        await requireAppSecret(request.headers, settings);
        const token = parseVisitorToken(request.content);
        const links = new ConversationLinkStore(read.getPersistenceReader(), persistence);
        const link = await links.latestOfVisitor(SOURCE, token);
        if (!link) {
            throw HttpError.notFound(`no ticket was ever opened for visitor token "${token}"`);
        }
        await closeFromSource(link, `Closed: the ticket ${link.conversationKey} was closed in RapidPro.`, links, new LivechatGateway(read, modify, appId), logger);
        return emptyResponse(204);
    }
}
