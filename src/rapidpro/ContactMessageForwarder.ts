import { HttpError } from '../http/HttpError';
import { RequestContext } from '../http/RequestContext';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { attachmentFromUrl } from '../livechat/attachmentFromUrl';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { VisitorMessageRequest } from './RapidProTypes';
import { SOURCE } from './TicketOpener';

/** `/visitor-message`: the contact's message, posted as the visitor in its ticket's room, every attachment kept. */
export async function forwardContactMessage(context: RequestContext, message: VisitorMessageRequest): Promise<string> {
    const reader = context.read.getPersistenceReader();
    const link = await new ConversationLinkStore(reader).latestOfVisitor(SOURCE, message.token);
    if (!link) {
        throw HttpError.notFound(`no ticket is open for visitor token "${message.token}"; open one with /room first`);
    }
    const livechat = new LivechatGateway(context.read, context.modify, context.appId);
    const room = await livechat.room(link.roomId);
    if (!link.open || !room || !room.isOpen) {
        throw HttpError.notFound(`the room of ticket ${link.conversationKey} was closed in Rocket.Chat; open a new ticket for this contact`);
    }
    const visitor = await livechat.findVisitor(message.token);
    if (!visitor) {
        throw HttpError.notFound(`visitor "${message.token}" no longer exists in Rocket.Chat; open a new ticket for this contact`);
    }
    const attachments = message.attachments.map((file) => attachmentFromUrl(file.url, file.type));
    const id = await livechat.postAsVisitor(room, visitor, message.text, attachments);
    await new SourceStatsStore(reader, context.persistence).countIn(SOURCE, new Date());
    return id;
}
