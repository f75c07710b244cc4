import { mediaKindOf } from '../../files/mediaKindOf';
import { ConversationLink } from '../../links/ConversationLink';
import { AgentReply } from '../../outbound/AgentReply';
import { BearerJsonTarget } from '../../outbox/BearerJsonTarget';
import { PlatformOutbound } from '../PlatformOutbound';
import { ChatdaySetting } from './ChatdaySetting';
import { ChatdaySendMessage } from './types';

/** chat_id exactly as Chatday sent it (number or text). */
function chatIdOf(link: ConversationLink): ChatdaySendMessage['chat_id'] {
    try {
        return JSON.parse(link.externalIds.chatIdJson) as ChatdaySendMessage['chat_id'];
    } catch {
        return link.externalIds.chatId;
    }
}

/** Agents' replies to Chatday's send API: the text, then each file as its own typed message. Chatday has no close API. */
export class ChatdayOutbound implements PlatformOutbound {
    public readonly target = new BearerJsonTarget(ChatdaySetting.SendUrl, ChatdaySetting.Token);
    public readonly fileLinks = 'signed';

    public agentReply(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>> {
        const chatId = chatIdOf(link);
        const payloads: Array<ChatdaySendMessage> = [];
        if (reply.text.trim() !== '') {
            payloads.push({ message: { type: 'text', data: reply.text }, chat_id: chatId });
        }
        for (const file of reply.attachments) {
            payloads.push({ message: { type: mediaKindOf(file.mimeType), data: file.url }, chat_id: chatId });
        }
        return payloads;
    }
}
