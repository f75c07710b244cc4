import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { AppContext } from '../context/AppContext';
import { ConversationService } from '../conversations/ConversationService';
import { enqueueDelivery } from '../outbox/Outbox';
import { platformOf } from '../platforms/registry';

/** How long a close waits for the handlers of the room's last messages (they run concurrently with this one). */
const CLOSE_GRACE_MS = 1500;

/**
 * IPostLivechatRoomClosed: ends the room's link and, unless the platform itself asked for
 * the close, tells the platform (after the room's earlier deliveries: same queue).
 */
export async function handleRoomClosed(room: ILivechatRoom, context: AppContext): Promise<void> {
    const closedAt = room.closedAt ? new Date(room.closedAt) : new Date();
    const link = await new ConversationService(context).endedInRocketChat(room.id, closedAt);
    if (!link) {
        return;
    }
    const payload = platformOf(link.source)?.outbound?.roomClosed?.(link);
    if (payload) {
        await enqueueDelivery(context.read.getPersistenceReader(), context.persistence, context.modify, {
            source: link.source, conversationId: link.roomId, kind: 'close-room', payload,
            happenedAt: closedAt, rank: 1, notBefore: new Date(Date.now() + CLOSE_GRACE_MS),
        });
    }
    context.logger.info(`${link.source}: room ${room.id} closed in Rocket.Chat; ${payload ? 'close queued for the platform' : 'the platform has no close to send'}`);
}
