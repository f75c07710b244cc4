import { OutboxItem } from './OutboxItem';

/** Each conversation's first waiting item (a conversation delivers in order, so only its first item can go next). */
export function conversationHeads(items: ReadonlyArray<OutboxItem>): Array<OutboxItem> {
    const heads = new Map<string, OutboxItem>();
    for (const item of items) {
        const head = heads.get(item.conversationId);
        if (!head || item.sequence < head.sequence) {
            heads.set(item.conversationId, item);
        }
    }
    return [...heads.values()];
}

/** When the earliest conversation head is due; undefined when nothing waits. */
export function nextDue(items: ReadonlyArray<OutboxItem>): Date | undefined {
    const times = conversationHeads(items).map((item) => Date.parse(item.nextAttemptAt));
    return times.length ? new Date(Math.min(...times)) : undefined;
}
