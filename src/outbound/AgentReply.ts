/** What a Rocket.Chat agent wrote, ready for any platform: text (with upload captions) and emoji as characters, files as absolute URLs. */
export interface AgentReply {
    text: string;
    attachments: Array<ReplyAttachment>;
}

export interface ReplyAttachment {
    url: string;
    mimeType: string;
    name: string;
    /** Set for a file uploaded to this Rocket.Chat (a `/file-upload/<id>/…` link): its upload id. */
    uploadId?: string;
}
