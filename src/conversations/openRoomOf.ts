import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { HttpError } from '../http/HttpError';
import { LatestConversation } from '../links/ConversationLinkStore';
import { LivechatGateway } from '../livechat/LivechatGateway';

/** 404 for a conversation whose room is no longer open: nothing is posted (a message into a closed room would make Rocket.Chat open a new one). */
export function roomClosed(link: Pick<LatestConversation, 'conversationKey'>): HttpError {
    return HttpError.notFound(`the room of conversation ${link.conversationKey} was closed in Rocket.Chat (or is gone); nothing was posted`);
}

/** The conversation's room, read from Rocket.Chat; a room that is not open throws roomClosed. */
export async function openRoomOf(livechat: LivechatGateway, link: LatestConversation): Promise<ILivechatRoom> {
    const room = await livechat.room(link.roomId);
    if (!room || !room.isOpen) {
        throw roomClosed(link);
    }
    return room;
}
