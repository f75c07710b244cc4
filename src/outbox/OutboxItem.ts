/** One outbound delivery waiting in the outbox. */
export interface OutboxItem {
    id: string;
    /** Sort key: enqueue time plus a per-process counter, so items of one conversation keep their order. */
    sequence: string;
    /** The source (platform) whose delivery target sends it. */
    source: string;
    /** Deliveries of one conversation go out one at a time, in order. */
    conversationId: string;
    /** What it is, for logs and status ('agent-message', 'close-room', …). */
    kind: string;
    /** The target's own description of what to send, fixed at enqueue time. */
    payload: Record<string, unknown>;
    createdAt: string;
    attempts: number;
    nextAttemptAt: string;
    lastError?: string;
}

export interface ParkedItem extends OutboxItem {
    parkedAt: string;
    reason: string;
}
