/**
 * When this app process last queued an item of each source, it notes when that item becomes
 * due. A lane run that starts on the same process waits until then before its first look at
 * the outbox, instead of looking twice (once at once, once after the item's order grace). It is
 * only a hint: it never skips a read, a run elsewhere simply reads at once, and it is forgotten
 * when taken.
 */
const dueAt = new Map<string, number>();

export const freshItemHints = {
    note(source: string, at: Date): void {
        dueAt.set(source, Math.max(dueAt.get(source) ?? 0, at.getTime()));
    },
    /** The noted time (forgotten from now on), if any. */
    take(source: string): number | undefined {
        const at = dueAt.get(source);
        dueAt.delete(source);
        return at;
    },
};
