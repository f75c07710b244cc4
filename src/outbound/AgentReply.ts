/** What a Rocket.Chat agent wrote, ready for any platform: text with emoji as characters, files as absolute URLs. */
export interface AgentReply {
    text: string;
    attachments: Array<ReplyAttachment>;
}

export interface ReplyAttachment {
    url: string;
    mimeType: string;
    name: string;
}
