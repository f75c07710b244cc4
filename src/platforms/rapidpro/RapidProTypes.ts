/** What RapidPro sends and what the app sends back, once validated. */
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

export interface RapidProAttachment {
    /** MIME type as RapidPro gives it (informational). */
    type: string;
    url: string;
}

export interface VisitorMessageRequest {
    token: string;
    text: string;
    attachments: Array<RapidProAttachment>;
}

export interface AgentMessageCallback {
    type: 'agent-message';
    ticketID: string;
    visitor: { token: string };
    data: { text: string; attachments?: Array<RapidProAttachment> };
}

export interface CloseRoomCallback {
    type: 'close-room';
    ticketID: string;
    visitor: { token: string };
}
