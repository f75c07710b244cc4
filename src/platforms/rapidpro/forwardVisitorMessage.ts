import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { RequestContext } from '../../http/RequestContext';
import { RAPIDPRO_SOURCE } from './rapidProSource';
import { VisitorMessageRequest } from './types';

/** `/visitor-message`: a visitor message (what the contact wrote in RapidPro), posted as the visitor in its ticket's room, every attachment kept. */
export async function forwardVisitorMessage(context: RequestContext, message: VisitorMessageRequest): Promise<string> {
    const conversations = new ConversationService(context);
    const link = await conversations.latestOfVisitor(RAPIDPRO_SOURCE, message.token);
    if (!link) {
        throw HttpError.notFound(`no ticket is open for visitor token "${message.token}"; open one with /room first`);
    }
    if (!link.open) {
        throw HttpError.notFound(`the room of ticket ${link.conversationKey} was closed in Rocket.Chat; open a new ticket for this contact`);
    }
    // postFromVisitor reads the room itself and refuses a room closed meanwhile (404).
    return conversations.postFromVisitor(link, message.text, message.attachments.map((file) => ({ url: file.url, mimeType: file.type })));
}
