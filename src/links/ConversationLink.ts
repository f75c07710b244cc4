/** The in-process lock for changes to one conversation's link (close handling). */
export function conversationLock(link: Pick<ConversationLink, 'source' | 'conversationKey'>): string {
    return `conversation:${link.source}:${link.conversationKey}`;
}

/** A platform conversation tied to one livechat room. */
export interface ConversationLink {
    /** The source adapter: 'rapidpro', 'chatday', … */
    source: string;
    /** The platform's own key for the conversation (RapidPro: the ticketID). */
    conversationKey: string;
    /** The livechat visitor token (RapidPro: the contact id; bridges: prefixed by the platform). */
    visitorToken: string;
    roomId: string;
    open: boolean;
    /** Extra platform ids (RapidPro: contactUUID…). */
    externalIds: Record<string, string>;
    createdAt: string;
    closedAt?: string;
    /** Set when the platform asked for the close, so no close is echoed back to it. */
    closedBySource?: boolean;
}
