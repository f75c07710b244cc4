/** The in-process lock for changes to one conversation's link (close handling). */
export function conversationLock(link: Pick<ConversationLink, 'source' | 'conversationKey'>): string {
    return `conversation:${link.source}:${link.conversationKey}`;
}

/** The in-process lock for one end user of a source (opening their conversation, applying their events in order). */
export function visitorLock(source: string, visitorToken: string): string {
    return `${source}-visitor:${visitorToken}`;
}

/** The platform's own key for the link's end user (links stored before it was kept: their visitor token). */
export function contactKeyOf(link: Pick<ConversationLink, 'contactKey' | 'visitorToken'>): string {
    return link.contactKey ?? link.visitorToken;
}

import { ConversationState } from './ConversationState';

/** A platform conversation tied to one livechat room. */
export interface ConversationLink {
    /** The platform's source id (see the registry). */
    source: string;
    /** The platform's own key for the conversation (e.g. a ticket id). */
    conversationKey: string;
    /** The Rocket.Chat visitor token of the end user (derived by visitorTokenFor for visitors the app registers). */
    visitorToken: string;
    /**
     * The platform's own key for the end user (as the platform sends it, or `<platform>:…`):
     * keys the end user's records and goes back on the wire.
     * Absent on links stored before visitor tokens were derived: their visitorToken is that key.
     */
    contactKey?: string;
    roomId: string;
    open: boolean;
    /** The platform's own ids for the conversation besides its key (e.g. the contact's UUID). */
    externalIds: Record<string, string>;
    /** What the app remembers about the conversation (see conversationState for older links). */
    state?: ConversationState;
    createdAt: string;
    closedAt?: string;
    /** Set when the platform asked for the close, so no close is echoed back to it. */
    closedBySource?: boolean;
}
