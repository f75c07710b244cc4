import { contactKeyOf, ConversationLink } from '../../links/ConversationLink';
import { AgentReply } from '../../outbound/AgentReply';
import { PlatformOutbound } from '../PlatformOutbound';
import { RapidProCallbackTarget } from './RapidProCallbackTarget';
import { AgentMessageCallback, RoomClosedCallback } from './types';

/** RapidPro's webhooks: one `agent-message` per agent message (text and every file), one `close-room` per close; `visitor.token` is the contact's token as RapidPro sent it. */
export class RapidProOutbound implements PlatformOutbound {
    public readonly target = new RapidProCallbackTarget();
    /** RapidPro downloads each attachment itself with the Rocket.Chat admin credentials it holds. */
    public readonly fileLinks = 'rocket.chat';

    public agentReply(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>> {
        const payload: AgentMessageCallback = {
            type: 'agent-message',
            ticketID: link.conversationKey,
            visitor: { token: contactKeyOf(link) },
            data: { text: reply.text },
        };
        if (reply.attachments.length > 0) {
            payload.data.attachments = reply.attachments.map((file) => ({ type: file.mimeType, url: file.url }));
        }
        return [payload];
    }

    public roomClosed(link: ConversationLink): Record<string, unknown> {
        const payload: RoomClosedCallback = { type: 'close-room', ticketID: link.conversationKey, visitor: { token: contactKeyOf(link) } };
        return payload;
    }
}
