/*
 * Chatday's payloads as its "APIs for External Application" (15 May 2020) gives them. Beyond
 * `message {type, data}` and `chat_id`, nothing is published: the app reads them leniently.
 */

/** `message.data` depends on `message.type`: text as a string or `{text}`, media as a URL or `{url, name?}`. */
export type ChatdayMessageData = string | { text: string } | { url: string; name?: string; caption?: string };

export type ChatdayMessage = {
    /** `text`, `image`, `video`, `audio`, `file`, … */
    type: string;
    data: ChatdayMessageData;
};

/** The webhook Chatday calls when an end user writes in the website widget (header `X-Chatday-Signature-Token`). */
export type ChatdayWebhook = {
    message: ChatdayMessage;
    /** The id of the chat room, as Chatday sends it (a number, or text). */
    chat_id: number | string;
};

/** Webhook verification: a GET, or a POST without a message, which must be answered 200 with this. */
export type ChatdayVerifyAnswer = { status: 'SUCCESS' };

/** `POST <send url>` with `Authorization: Bearer <Chatday-Token>`: a message into the user's chat box. */
export type ChatdaySendMessage = {
    message: { type: string; data: string };
    chat_id: number | string;
};
