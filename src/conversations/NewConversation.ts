/** Who the end user is, as the platform says. */
interface ContactDetails {
    name: string;
    email?: string;
    phone?: string;
    departmentId?: string;
}

/** A conversation a platform starts, as ConversationService.open takes it. */
export interface NewConversation {
    source: string;
    /** Unique per room: the platform's ticket id, or its conversation id plus a room generation. */
    conversationKey: string;
    /** The platform's own key for the end user (as the platform sends it, or `<platform>:…`). */
    contactKey: string;
    contact: ContactDetails;
    /** The token of a visitor that already exists in Rocket.Chat (a bot serving widget visitors); otherwise one is derived from contactKey. */
    visitorToken?: string;
    externalIds: Record<string, string>;
    /** Shown to agents as the room's source. */
    label: string;
}
