import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { RequestContext } from '../../http/RequestContext';
import { RAPIDPRO_SOURCE } from './rapidProSource';
import { VisitorMessageRequest } from './types';

/**
 * `/visitor-message`: a visitor message (what the contact wrote in RapidPro), posted as the
 * visitor in its ticket's open room, every attachment kept. A closed ticket is refused (404)
 * before anything is written, and RapidPro opens a new ticket.
 */
export async function forwardVisitorMessage(context: RequestContext, message: VisitorMessageRequest): Promise<string> {
    const files = message.attachments.map((file) => ({ url: file.url, mimeType: file.type }));
    const id = await new ConversationService(context).postFromContact(RAPIDPRO_SOURCE, message.token, message.text, files);
    if (id === undefined) {
        throw HttpError.notFound(`no ticket is open for visitor token "${message.token}"; open one with /room first`);
    }
    return id;
}
