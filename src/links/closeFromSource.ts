import { ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { appMutex } from '../concurrency/KeyedMutex';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { ConversationLink } from './ConversationLink';
import { ConversationLinkStore } from './ConversationLinkStore';

/**
 * The platform asked to close its conversation: the link is marked closed by the source
 * first (so the close event echoes nothing back), then the room is closed with a comment.
 * Closing an already closed conversation changes nothing.
 */
export async function closeFromSource(link: ConversationLink, comment: string, links: ConversationLinkStore, livechat: LivechatGateway, logger: ILogger): Promise<void> {
    await appMutex.run(`conversation:${link.source}:${link.conversationKey}`, async () => {
        const current = await links.byConversation(link.source, link.conversationKey);
        if (!current || !current.open) {
            return;
        }
        await links.update({ ...current, open: false, closedBySource: true, closedAt: new Date().toISOString() });
        const room = await livechat.room(current.roomId);
        if (room?.isOpen) {
            await livechat.closeRoom(room, comment);
        }
        logger.info(`${link.source}: conversation ${link.conversationKey} closed by the platform (room ${current.roomId})`);
    });
}
