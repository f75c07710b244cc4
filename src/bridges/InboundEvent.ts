import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';

import { RemoteFile } from '../conversations/RemoteFile';
import { Choice } from '../links/ConversationState';

/** Who the end user is on the platform. */
export interface VisitorProfile {
    /** The platform's own key for the end user (`<platform>:…`, or the widget visitor's token). */
    token: string;
    name: string;
    email?: string;
    phone?: string;
}

/** Where a room for the end user would come from, when an event may open one. */
export interface ConversationOrigin {
    visitor: VisitorProfile;
    /** The platform's own id of the conversation (kept in the link's external ids). */
    platformConversation: string;
    externalIds: Record<string, string>;
}

interface EventBase {
    /** The platform's id of the message or event; a repeat of an id already handled changes nothing. */
    eventId?: string;
    /**
     * The platform's own key for the end user (`<platform>:<its user id>`, or the widget
     * visitor's token): keys the end user's records and locks. Visitors the
     * app registers get a token derived from it (see visitorTokenFor), never this key itself.
     */
    visitorToken: string;
}

/** The end user asks for a human: a room opens (if none is open) with an optional first context line. */
export interface OpenEvent extends EventBase {
    type: 'open';
    origin: ConversationOrigin;
    intro?: string;
}

/** The end user wrote: posted as the visitor. */
export interface UserMessageEvent extends EventBase {
    type: 'user-message';
    text: string;
    files: Array<RemoteFile>;
    /** When no room is open: open one from here, or (undefined) let the message go unmirrored. */
    opensRoomFrom?: ConversationOrigin;
}

/** The platform's bot or its own agents wrote: shown to agents as labelled context. */
export interface ContextEvent extends EventBase {
    type: 'context';
    speaker: string;
    text: string;
    files: Array<RemoteFile>;
    opensRoomFrom?: ConversationOrigin;
}

/** The platform ended the conversation. */
export interface CloseEvent extends EventBase {
    type: 'close';
    comment: string;
}

/**
 * A platform's bot that serves the room as its agent answered: posted by the app's bot user
 * for the visitor to read, or, when private, shown to agents only. The choices it offered are
 * remembered for the visitor's answer; `handover` hands the room to human agents.
 */
export interface BotReplyEvent extends EventBase {
    type: 'bot-reply';
    text: string;
    attachments: Array<IMessageAttachment>;
    choices: Array<Choice>;
    private: boolean;
    /** The bot asked to hand the conversation over to human agents. */
    handover: boolean;
    opensRoomFrom?: ConversationOrigin;
}

export type InboundEvent = OpenEvent | UserMessageEvent | ContextEvent | CloseEvent | BotReplyEvent;
