import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { ConversationLink } from '../../links/ConversationLink';
import { ConversationLinkStore } from '../../links/ConversationLinkStore';
import { uchatConversationId } from './uchatConversationId';

export const UCHAT = 'uchat';

/**
 * The UChat link of a room the bot serves. Widget rooms are opened by Rocket.Chat, not by
 * the app, so the link is made on first contact (the visitor's first message or the bot's
 * first reply). Undefined when the room belongs to another source.
 */
export async function uchatLinkOf(room: ILivechatRoom, links: ConversationLinkStore): Promise<ConversationLink | undefined> {
    const existing = await links.byRoom(room.id);
    if (existing) {
        return existing.source === UCHAT ? existing : undefined;
    }
    const link: ConversationLink = {
        source: UCHAT,
        conversationKey: `uchat-conv:${uchatConversationId(room.id)}`,
        visitorToken: room.visitor.token,
        roomId: room.id,
        open: true,
        externalIds: {},
        createdAt: new Date().toISOString(),
    };
    await links.save(link);
    return link;
}
