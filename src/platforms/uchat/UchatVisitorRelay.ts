import { ILivechatMessage } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';

import { bridgeReadiness } from '../../bridges/bridgeReadiness';
import { appMutex } from '../../concurrency/KeyedMutex';
import { AppContext } from '../../context/AppContext';
import { ConversationService } from '../../conversations/ConversationService';
import { mediaKindOf } from '../../files/mediaKindOf';
import { withPublicFileLinks } from '../../files/publicFileLinks';
import { visitorLock } from '../../links/ConversationLink';
import { conversationState } from '../../links/ConversationState';
import { extractAgentReply } from '../../outbound/extractAgentReply';
import { enqueueDelivery } from '../../outbox/Outbox';
import { siteUrl } from '../../settings/siteUrl';
import { asksForHuman, chosenButton, handoverWords } from './handoverWords';
import { UchatIncomingMessage } from './types';
import { uchatConversationId } from './uchatConversationId';
import { UCHAT_SOURCE, UchatInbound } from './UchatInbound';
import { UchatSetting } from './UchatSetting';

/**
 * IPostMessageSent, visitor side: in a room of `uchat_department` not yet handed over, each
 * visitor message goes to UChat's bot_url (button answers as postbacks); a visitor asking
 * for a human hands the room over instead.
 */
export async function relayVisitorMessage(message: IMessage, context: AppContext, inbound: UchatInbound): Promise<void> {
    const visitorMessage = message as ILivechatMessage;
    if (message.type || message.room.type !== RoomType.LIVE_CHAT || !(visitorMessage.token || visitorMessage.visitor)) {
        return;
    }
    const { settings } = context;
    const readiness = await bridgeReadiness(inbound, settings);
    if (!readiness.enabled || readiness.missing.length > 0) {
        return;
    }
    const conversations = new ConversationService(context);
    const room = await conversations.botServedRoom(message.room.id, UchatSetting.Department);
    if (!room) {
        return;
    }
    await appMutex.run(visitorLock(UCHAT_SOURCE, room.visitor.token), async () => {
        const link = await conversations.linkOfBotServedRoom(UCHAT_SOURCE, room);
        const state = link && conversationState(link);
        if (!link || !state || state.handedOver) {
            return;
        }
        const site = await siteUrl(context.read);
        const visitorMessage = await withPublicFileLinks(extractAgentReply(message, site), { ...context, siteUrl: site });
        const text = visitorMessage.text;
        const choice = chosenButton(text, state.choices ?? []);
        if (asksForHuman(handoverWords(await settings.text(UchatSetting.HandoverPayloads)), text, choice?.payload)) {
            await conversations.handOverToHumans(link, UchatSetting.HandoverDepartment, 'the visitor asked for a human');
            return;
        }
        const files = visitorMessage.attachments;
        const visitor = room.visitor;
        const payload: UchatIncomingMessage = {
            content: choice ? choice.title : text,
            message_type: 'incoming',
            sender: {
                id: visitor.token,
                name: visitor.name,
                email: visitor.visitorEmails?.[0]?.address ?? '',
                phone_number: visitor.phone?.[0]?.phoneNumber ?? '',
                type: 'contact',
            },
            conversation_id: uchatConversationId(room.id),
            event: choice ? 'message_postback' : 'message_created',
        };
        if (choice) {
            payload.submitted_values = [{ title: choice.title, payload: choice.payload }];
        }
        if (files.length > 0) {
            payload.attachments = files.map((file) => ({ file_type: mediaKindOf(file.mimeType), data_url: file.url }));
        }
        await enqueueDelivery(context.read.getPersistenceReader(), context.persistence, context.modify, {
            source: UCHAT_SOURCE, conversationId: room.id, kind: 'visitor-message', payload,
            happenedAt: message.createdAt ? new Date(message.createdAt) : new Date(),
        });
    });
}
