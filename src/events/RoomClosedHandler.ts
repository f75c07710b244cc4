import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { appMutex } from '../concurrency/KeyedMutex';
import { conversationLock } from '../links/ConversationLink';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { enqueueDelivery } from '../outbox/Outbox';
import { outboundAdapter } from '../sources/outboundAdapters';

/** How long a close waits for the handlers of the room's last messages (they run concurrently with this one). */
const CLOSE_GRACE_MS = 1500;

/**
 * IPostLivechatRoomClosed: ends the room's link and, unless the platform itself asked for
 * the close, tells the platform (after the room's earlier deliveries: same queue).
 */
export async function handleRoomClosed(room: ILivechatRoom, read: IRead, persistence: IPersistence, modify: IModify, logger: ILogger): Promise<void> {
    const links = new ConversationLinkStore(read.getPersistenceReader(), persistence);
    const initial = await links.byRoom(room.id);
    if (!initial) {
        return;
    }
    await appMutex.run(conversationLock(initial), async () => {
        const link = await links.byRoom(room.id);
        if (!link || !link.open) {
            return;
        }
        const closedAt = room.closedAt ? new Date(room.closedAt) : new Date();
        await links.update({ ...link, open: false, closedAt: closedAt.toISOString() });
        const payload = outboundAdapter(link.source)?.roomClosed(link);
        if (payload) {
            await enqueueDelivery(read.getPersistenceReader(), persistence, modify, {
                source: link.source, conversationId: link.roomId, kind: 'close-room', payload,
                happenedAt: closedAt, rank: 1, notBefore: new Date(Date.now() + CLOSE_GRACE_MS),
            });
        }
        logger.info(`${link.source}: room ${room.id} closed in Rocket.Chat; ${payload ? 'close queued for the platform' : 'the platform has no close to send'}`);
    });
}
