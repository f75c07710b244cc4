import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { RequestContext } from '../../http/RequestContext';
import { VisitorMessageRequest } from './RapidProTypes';
import { SOURCE } from './TicketOpener';

/** `/visitor-message`: the contact's message, posted as the visitor in its ticket's room, every attachment kept. */
export async function forwardContactMessage(context: RequestContext, message: VisitorMessageRequest): Promise<string> {
    const conversations = new ConversationService(context);
    const latest = await conversations.links.latestOfVisitor(SOURCE, message.token);
    if (!latest) {
        throw HttpError.notFound(`no ticket is open for visitor token "${message.token}"; open one with /room first`);
    }
    const link = await conversations.openLinkOfVisitor(SOURCE, message.token);
    if (!link) {
        throw HttpError.notFound(`the room of ticket ${latest.conversationKey} was closed in Rocket.Chat; open a new ticket for this contact`);
    }
    return conversations.postFromVisitor(link, message.text, message.attachments.map((file) => ({ url: file.url, mimeType: file.type })));
}
