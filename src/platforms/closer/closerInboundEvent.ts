import { InboundEvent } from '../../bridges/InboundEvent';
import { CloserEvent, textOf } from './closerEvent';
import { closerMessageContent } from './closerMessageContent';
import { closerIntro, closerOrigin, closerVisitorToken } from './closerOrigin';

/** An event turned into what the bridge applies, or the reason it is left alone (and how loudly to log it). */
export type CloserMapping =
    | { event: InboundEvent }
    | { ignored: string; level: 'debug' | 'warn' };

/** Events CLOSER sends that change nothing in Rocket.Chat. */
const NOT_MIRRORED = ['friend_added', 'friend_removed', 'session_started', 'agent_call_connected'];

const CLOSE_COMMENTS: Record<string, string> = {
    agent_call_disconnected: 'Closed by CLOSER: the consultation was ended there (agent_call_disconnected).',
    session_expired: 'Closed by CLOSER: the end user\'s session expired (session_expired).',
};

/** Who wrote a `message_sent` (CLOSER does not say whether its bot or one of its own agents did). */
export const CLOSER_SPEAKER = 'CLOSER bot';

/**
 * The id that makes a repeat change nothing: the message id for messages (the envelope's
 * event id, else `${type}:${conversation.id}:${timestamp}`); for other events the type
 * is prefixed, so an event carrying the message that triggered it is not taken for that message.
 */
export function closerEventId(event: CloserEvent, isMessage: boolean): string | undefined {
    const messageId = textOf(event.message?.id);
    if (isMessage && messageId) {
        return messageId;
    }
    const own = event.envelopeId ?? messageId;
    if (own) {
        return isMessage ? own : `${event.type}:${own}`;
    }
    const conversationId = textOf(event.conversation?.id) ?? textOf(event.message?.conversationId) ?? event.endUserId;
    return event.timestamp ? `${event.type}:${conversationId ?? ''}:${event.timestamp}` : undefined;
}

/**
 * CLOSER's events as the bridge's: `agent_call_requested` opens a room (with an intro),
 * `message_received` → visitor message, `message_sent` → context, `agent_call_disconnected`
 * and `session_expired` close. Messages outside a handover open a room only when
 * `mirrorOutsideHandover` is on. Unknown and uninteresting events are ignored.
 */
export function closerInboundEvent(event: CloserEvent, mirrorOutsideHandover: boolean): CloserMapping {
    const { type } = event;
    if (type === '') {
        return { ignored: 'an event without a name', level: 'debug' };
    }
    if (NOT_MIRRORED.includes(type)) {
        return { ignored: `${type} (nothing to do)`, level: 'debug' };
    }
    const handled = type === 'agent_call_requested' || type === 'message_received' || type === 'message_sent' || CLOSE_COMMENTS[type] !== undefined;
    if (!handled) {
        return { ignored: `unknown event ${type.slice(0, 100)}`, level: 'debug' };
    }
    const { botId, endUserId } = event;
    if (!botId || !endUserId) {
        return { ignored: `${type} without ${botId ? 'endUserId' : 'botId'}`, level: 'warn' };
    }
    const visitorToken = closerVisitorToken(botId, endUserId);
    const isMessage = type === 'message_received' || type === 'message_sent';
    const eventId = closerEventId(event, isMessage);
    if (type === 'agent_call_requested') {
        return { event: { type: 'open', eventId, visitorToken, origin: closerOrigin(event, botId, endUserId), intro: closerIntro(event) } };
    }
    if (!isMessage) {
        return { event: { type: 'close', eventId, visitorToken, comment: CLOSE_COMMENTS[type] } };
    }
    const { text, files } = closerMessageContent(event.message);
    const opensRoomFrom = mirrorOutsideHandover ? closerOrigin(event, botId, endUserId) : undefined;
    return type === 'message_received'
        ? { event: { type: 'user-message', eventId, visitorToken, text, files, opensRoomFrom } }
        : { event: { type: 'context', eventId, visitorToken, speaker: CLOSER_SPEAKER, text, files, opensRoomFrom } };
}
