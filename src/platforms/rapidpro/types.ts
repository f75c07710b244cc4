/*
 * RapidPro's `rocketchat` ticketer: the bodies on the wire, as RapidPro's client (mailroom's
 * services/tickets/rocketchat, upstream and the widely deployed fork) and this app's README
 * describe them; then what the parsers make of them once validated.
 */

/** The contact as RapidPro sends it: `token` is the contact's id as decimal text; empty fields are left out. */
export type RapidProVisitor = {
    token: string;
    contactUUID?: string;
    /** The older client's spelling. */
    contactUuid?: string;
    name?: string;
    email?: string;
    phone?: string;
    /** The fork: a department name or id. */
    department?: string;
    /** The older spelling (sic). */
    deparment?: string;
    /** The fork: Omnichannel custom fields, id → value. */
    customFields?: Record<string, string>;
};

/** `PUT /settings`, RapidPro's connect check: the callback URL (`…/mr/tickets/types/rocketchat/event_callback/<uuid>`). */
export type RapidProSettingsBody = {
    webhook: { url: string };
};

/** `GET /room` (a GET with a JSON body): open a ticket. */
export type RapidProOpenTicketBody = {
    visitor: RapidProVisitor;
    ticketID?: string;
    /** The older spelling. */
    ticketId?: string;
    /** The fork and the older client; the app checks it is text and keeps nothing of it (Rocket.Chat gives an app no room priority to set). */
    priority?: string;
    /** The fork: `2019-10-07T15:20:30Z` (the older client: `2020-07-17 10:28`). */
    sessionStart?: string;
};

/** `GET /room.close` (a GET with a JSON body): RapidPro closed the ticket. */
export type RapidProCloseTicketBody = {
    visitor: { token: string };
    /** Sent by some clients; the room is closed with the app's own comment. */
    comment?: string;
};

/** An attachment both ways: RapidPro's public media URL in, an absolute Rocket.Chat file URL out. */
export type RapidProAttachment = {
    /** MIME type as RapidPro gives it (informational). */
    type: string;
    url: string;
};

/** `POST /visitor-message`: the contact wrote; `text` or `attachments` may be absent. */
export type RapidProVisitorMessageBody = {
    visitor: { token: string };
    text?: string;
    attachments?: Array<RapidProAttachment>;
};

/**
 * The callback RapidPro gets for an agent's message (text and every file). RapidPro answers a
 * callback 200 `{"status":"handled"}`, 401 `{"status":"unauthorized"}`, or 4xx `{"error"}`.
 */
export type AgentMessageCallback = {
    type: 'agent-message';
    ticketID: string;
    visitor: { token: string };
    data: { text: string; attachments?: Array<RapidProAttachment> };
};

/** The callback RapidPro gets when the room is closed in Rocket.Chat. */
export type RoomClosedCallback = {
    type: 'close-room';
    ticketID: string;
    visitor: { token: string };
};

/** One message of RapidPro's API v2 `GET /api/v2/messages.json` (the fields the history uses). */
export type RapidProMessage = {
    direction?: string;
    text?: string;
    created_on?: string;
    attachments?: Array<{ content_type?: string; url?: string }>;
    contact?: { name?: string | null };
};

/** A page of `GET /api/v2/messages.json`: `next` is the next page's URL, or null. */
export type RapidProMessagesPage = {
    results?: Array<RapidProMessage>;
    next?: string | null;
};

/** `/room` once validated: both spellings read, empty fields left out. */
export interface OpenTicketRequest {
    ticketID: string;
    visitor: {
        token: string;
        contactUUID?: string;
        name?: string;
        email?: string;
        phone?: string;
        department?: string;
        customFields: Record<string, string>;
    };
    sessionStart?: string;
}

/** `/visitor-message` once validated. */
export interface VisitorMessageRequest {
    token: string;
    text: string;
    attachments: Array<RapidProAttachment>;
}
