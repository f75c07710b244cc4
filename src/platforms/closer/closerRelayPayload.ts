import { ConversationLink } from '../../links/ConversationLink';
import { AgentReply } from '../../outbound/AgentReply';
import { CloserRelayMessage } from './types';

export type RelayEvent = CloserRelayMessage['event'];

/**
 * The JSON body POSTed to `closer_reply_url` (documented in the README, "The reply relay
 * format"): the same fields for both events; ids CLOSER did not send are null;
 * `room_closed` has empty text and no attachments.
 */
export function closerRelayPayload(event: RelayEvent, link: ConversationLink, reply: AgentReply | undefined, now: Date): CloserRelayMessage {
    const id = (key: string): string | null => link.externalIds[key] ?? null;
    return {
        event,
        botId: id('botId'),
        conversationId: id('conversationId'),
        userKey: id('userKey'),
        endUserId: id('endUserId'),
        platform: id('platform'),
        text: reply?.text ?? '',
        attachments: (reply?.attachments ?? []).map(({ url, mimeType, name }) => ({ url, mimeType, name })),
        roomId: link.roomId,
        sentAt: now.toISOString(),
    };
}
