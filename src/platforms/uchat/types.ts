/*
 * UChat's API Chat channel as its partner documentation gives it. UChat is PHP: its JSON
 * escapes `/` and non-ASCII, and each webhook is signed over those bytes
 * (`X-Hub-Signature-256: sha256=<HMAC-SHA256(body, verification key)>`, with `x-flow-ns` and
 * `x-action: messages`).
 */

/** The webhook's verification, POSTed as a form or JSON (or in the query) once the webhook is set. */
export type UchatHubVerification = {
    hub_mode: 'subscribe';
    /** The `webhook_verification_key` the webhook was set with. */
    hub_verify_token: string;
    /** Answered back as the plain-text body. */
    hub_challenge: string;
};

/** A postback button of a button template or a card. */
export type UchatButton = { type: 'postback'; title: string; payload: string };

/** A card of a generic template. */
export type UchatCard = {
    title: string;
    image_url?: string | null;
    item_url?: string | null;
    subtitle?: string;
    default_action?: unknown;
    buttons?: Array<UchatButton>;
};

type UchatReplyBase = {
    /** The id the app gave the visitor in `sender.id` (here: the widget visitor's token). */
    sender_id: string;
    conv_id: number;
    message_type: 'outgoing';
    /** A note for agents only: not shown to the visitor. */
    private: boolean;
};

/** The bot's (or a UChat agent's) text, button template or generic template (cards). */
export type UchatTextReply = UchatReplyBase & {
    type: 'text';
    text: string;
    content_type?: 'button_template' | 'generic_template';
    content_attributes?: { text?: string; buttons?: Array<UchatButton>; ratio?: string; items?: Array<UchatCard> };
};

/** The bot's image, audio, video or file. */
export type UchatMediaReply = UchatReplyBase & {
    type: 'image' | 'audio' | 'video' | 'file';
    url: string;
};

/** What UChat POSTs to the webhook when its bot or one of its agents writes. */
export type UchatReply = UchatTextReply | UchatMediaReply;

/** `POST <bot_url>` with `Authorization: Bearer <flow API key>`: the visitor wrote, or clicked a button. */
export type UchatIncomingMessage = {
    content: string;
    message_type: 'incoming';
    sender: { id: string; name: string; email: string; phone_number: string; type: 'contact' };
    conversation_id: number;
    event: 'message_created' | 'message_postback';
    submitted_values?: Array<{ title: string; payload: string }>;
    /** `file_type`: image, audio, video or file. */
    attachments?: Array<{ file_type: string; data_url: string }>;
};

/** The partner API's `POST {base}/api/partner/workspace/{workspace_id}/apichat-webhook` (partner API key as Bearer). */
export type UchatWebhookSetupRequest = {
    webhook_url: string;
    webhook_verification_key: string;
};
