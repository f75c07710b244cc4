import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { RequestContext } from '../../http/RequestContext';
import { RAPIDPRO_SOURCE } from './rapidProSource';
import { VisitorMessageRequest } from './types';

/** `/visitor-message`: a visitor message (what the contact wrote in RapidPro), posted as the visitor in its ticket's room, every attachment kept. */
export async function forwardVisitorMessage(context: RequestContext, message: VisitorMessageRequest): Promise<string> {
    const conversations = new ConversationService(context);
    const latest = await conversations.latestPlaceOfVisitor(RAPIDPRO_SOURCE, message.token);
    if (!latest) {
        throw HttpError.notFound(`no ticket is open for visitor token "${message.token}"; open one with /room first`);
    }
    // The room says whether the ticket is still open: a closed one is refused (404), and RapidPro opens a new ticket.
    return conversations.postFromVisitor(latest, message.text, message.attachments.map((file) => ({ url: file.url, mimeType: file.type })));
}
