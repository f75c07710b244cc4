/*
 * CLOSER's webhook as its integration guide gives it (the single-event shape), and the newer
 * batched envelope of its current guide. CLOSER signs nothing (`user-agent: CLOSER/webhook`):
 * the webhook URL carries a secret token. Then the relay payload this app POSTs for agents'
 * replies and closes (documented in the README, "The reply relay format").
 */

/** `message.data`: text, media, buttons or cards. */
export type CloserMessageData = {
    /** `text`, `image`, `video`, `audio`, `file`, `button`, `cards`, … */
    type: string;
    text?: string;
    [field: string]: unknown;
};

export type CloserMessage = {
    id: string;
    timestamp: string;
    data: CloserMessageData;
    /** True when the end user (the messenger's user) wrote it; false for the bot or a CLOSER agent. */
    isUser: boolean;
    conversationId: string;
    meta?: Record<string, unknown>;
};

export type CloserConversation = {
    id: string;
    /** The parameters the end user chose in the bot, key → value. */
    params: Record<string, unknown>;
    navigation?: { lastNode?: { flowId: number; nodeId: number; visitCount: number } };
    /** `facebook`, `kakao`, `kakaobiz`, `line`, `navertalk`, `web`, `wechat`. */
    platform: string;
    /** The end user's key on the messenger. */
    userKey: string;
};

/** One event in the guide's shape. */
export type CloserWebhookEvent = {
    type:
        | 'message_received' | 'message_sent' | 'friend_added' | 'friend_removed' | 'session_started' | 'session_expired'
        | 'agent_call_requested' | 'agent_call_connected' | 'agent_call_disconnected';
    botId: string;
    /** Events about a message carry it. */
    message?: CloserMessage;
    /** When the webhook was sent. */
    timestamp: string;
    endUserId: string;
    conversation: CloserConversation;
};

/** One event of the batched envelope: its own id, a name, a millisecond timestamp, the fields in `data`. */
export type CloserBatchedEvent = {
    id: string;
    name: string;
    botId: string;
    timestamp: number;
    data: Partial<Omit<CloserWebhookEvent, 'type'>> & Record<string, unknown>;
};

/** The newer envelope: one POST carries a batch of events. */
export type CloserBatch = {
    id: string;
    webhookId: string;
    webhookUrl: string;
    messages: Array<CloserBatchedEvent | CloserWebhookEvent>;
};

/** What this app POSTs to `closer_reply_url`, signed: an agent's reply, or the room closed in Rocket.Chat. */
export type CloserRelayMessage = {
    event: 'agent_message' | 'room_closed';
    /** Ids CLOSER did not send are null. */
    botId: string | null;
    conversationId: string | null;
    userKey: string | null;
    endUserId: string | null;
    platform: string | null;
    /** Empty for `room_closed`. */
    text: string;
    attachments: Array<{ url: string; mimeType: string; name: string }>;
    roomId: string;
    sentAt: string;
};
