import { ILivechatMessage, ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';

import { AppContext } from '../context/AppContext';
import { ConversationService } from '../conversations/ConversationService';
import { withPublicFileLinks } from '../files/publicFileLinks';
import { extractAgentReply } from '../outbound/extractAgentReply';
import { enqueueDeliveries } from '../outbox/Outbox';
import { platformOf } from '../platforms/registry';
import { siteUrl } from '../settings/siteUrl';

/** The visitor's own messages (Rocket.Chat marks them with the visitor's token or sends them as the visitor). */
function isFromVisitor(message: IMessage): boolean {
    const livechat = message as ILivechatMessage;
    if (livechat.token || livechat.visitor) {
        return true;
    }
    const room = message.room as IMessage['room'] & { visitor?: { id?: string; token?: string } };
    return Boolean(room.visitor?.id && room.visitor.id === message.sender?.id);
}

/**
 * IPostMessageSent: a message by a Rocket.Chat user (not the visitor, not this app's bot,
 * not a system message) in a linked room, written while it was open, goes to the outbox of
 * the room's source.
 */
export async function handleMessageSent(message: IMessage, context: AppContext): Promise<void> {
    const { appId, read, persistence, modify, logger } = context;
    // What cannot be an agent's reply returns before any read: system messages, other rooms,
    // the visitor's own messages and this app's (its bot user carries the app's id).
    if (message.type || message.room.type !== RoomType.LIVE_CHAT || !message.id || message.sender?.appId === appId || isFromVisitor(message)) {
        return;
    }
    // A room Rocket.Chat shows open holds its conversation as this process last saw it open (no
    // read when it has); a closed one's link is read, to send what was written before the close.
    const conversations = new ConversationService(context);
    const roomOpen = (message.room as ILivechatRoom).isOpen === true;
    const link = roomOpen ? await conversations.identityOfOpenRoom(message.room.id) : await conversations.ofRoom(message.room.id);
    const sentAt = message.createdAt ? new Date(message.createdAt) : new Date();
    // A message written before the room closed still goes out, even if the close was handled first.
    if (!link || (!link.open && !(link.closedAt && sentAt.getTime() <= Date.parse(link.closedAt)))) {
        return;
    }
    const outbound = platformOf(link.source)?.outbound;
    if (!outbound?.agentReply) {
        return;
    }
    const site = await siteUrl(read);
    const extracted = extractAgentReply(message, site);
    if (extracted.text.trim() === '' && extracted.attachments.length === 0) {
        return;
    }
    const reply = outbound.fileLinks === 'signed' ? await withPublicFileLinks(extracted, { read, persistence, appId, siteUrl: site }) : extracted;
    const deliveries = outbound.agentReply(link, reply).map((payload) => ({ source: link.source, conversationId: link.roomId, kind: 'agent-message', payload, happenedAt: sentAt }));
    await enqueueDeliveries(read.getPersistenceReader(), persistence, modify, deliveries);
    logger.debug(`${link.source}: agent message ${message.id} of room ${link.roomId} queued`);
}

