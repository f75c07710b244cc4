import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ILivechatMessage } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { bridgeReadiness } from '../../bridges/bridgeReadiness';
import { Choice } from '../../bridges/InboundEvent';
import { appMutex } from '../../concurrency/KeyedMutex';
import { ConversationLink } from '../../links/ConversationLink';
import { ConversationLinkStore } from '../../links/ConversationLinkStore';
import { LivechatGateway } from '../../livechat/LivechatGateway';
import { withPublicFileLinks } from '../../files/publicFileLinks';
import { extractAgentReply } from '../../outbound/extractAgentReply';
import { enqueueDelivery } from '../../outbox/Outbox';
import { AppSettings } from '../../settings/AppSettings';
import { SettingId } from '../../settings/SettingId';
import { siteUrl } from '../../settings/siteUrl';
import { asksForHuman, chosenButton, handoverWords } from './handoverWords';
import { handOverToHumans } from './UchatHandover';
import { UCHAT_SOURCE, UchatInbound } from './UchatInbound';
import { uchatConversationId } from './uchatConversationId';
import { uchatLinkOf } from './uchatLink';
import { UchatIncomingMessage } from './types';

const ADAPTER = new UchatInbound();

function fileType(mimeType: string): string {
    const group = mimeType.split('/')[0];
    return ['image', 'audio', 'video'].includes(group) ? group : 'file';
}

function choicesOf(link: ConversationLink): Array<Choice> {
    try {
        return JSON.parse(link.externalIds.choices ?? '[]') as Array<Choice>;
    } catch {
        return [];
    }
}

export interface RelayContext {
    appId: string;
    read: IRead;
    persistence: IPersistence;
    modify: IModify;
    logger: ILogger;
}

/**
 * IPostMessageSent, visitor side: in a room of `uchat_department` not yet handed over, each
 * visitor message goes to UChat's bot_url (button answers as postbacks); a visitor asking
 * for a human hands the room over instead.
 */
export async function relayVisitorMessage(message: IMessage, context: RelayContext): Promise<void> {
    const visitorMessage = message as ILivechatMessage;
    if (message.type || message.room.type !== RoomType.LIVE_CHAT || !(visitorMessage.token || visitorMessage.visitor)) {
        return;
    }
    const settings = AppSettings.from(context.read);
    const readiness = await bridgeReadiness(ADAPTER, settings);
    if (!readiness.enabled || readiness.missing.length > 0) {
        return;
    }
    const livechat = new LivechatGateway(context.read, context.modify, context.appId);
    const room = await livechat.room(message.room.id);
    const department = await livechat.findDepartment(await settings.text(SettingId.UchatDepartment));
    if (!room || !room.isOpen || !department || room.department?.id !== department.id) {
        return;
    }
    const reader = context.read.getPersistenceReader();
    await appMutex.run(`${UCHAT_SOURCE}-visitor:${room.visitor.token}`, async () => {
        const link = await uchatLinkOf(room, new ConversationLinkStore(reader, context.persistence));
        if (!link || link.externalIds.handedOver === 'true') {
            return;
        }
        const site = await siteUrl(context.read);
        const visitorMessage = await withPublicFileLinks(extractAgentReply(message, site), { ...context, siteUrl: site });
        const text = visitorMessage.text;
        const choice = chosenButton(text, choicesOf(link));
        if (asksForHuman(handoverWords(await settings.text(SettingId.UchatHandoverPayloads)), text, choice?.payload)) {
            await handOverToHumans(link, { ...context, settings }, 'the visitor asked for a human');
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
            payload.attachments = files.map((file) => ({ file_type: fileType(file.mimeType), data_url: file.url }));
        }
        await enqueueDelivery(reader, context.persistence, context.modify, {
            source: UCHAT_SOURCE, conversationId: room.id, kind: 'visitor-message', payload,
            happenedAt: message.createdAt ? new Date(message.createdAt) : new Date(),
        });
    });
}
