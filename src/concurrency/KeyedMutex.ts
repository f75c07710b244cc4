/**
 * Serialises work per key inside this app process (Rocket.Chat runs one Deno process per
 * app and instance): concurrent calls for the same key run one after another. It holds
 * nothing between calls: a key's entry disappears when its last holder finishes.
 */
export class KeyedMutex {
    private readonly tails = new Map<string, Promise<void>>();

    public async run<T>(key: string, work: () => Promise<T>): Promise<T> {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release!: () => void;
        const current = new Promise<void>((resolve) => {
            release = resolve;
        });
        const tail = previous.then(() => current);
        this.tails.set(key, tail);
        await previous;
        try {
            return await work();
        } finally {
            release();
            if (this.tails.get(key) === tail) {
                this.tails.delete(key);
            }
        }
    }
}

/** The one mutex of the app process; keys are namespaced by their users (e.g. `<source>-visitor:<token>`). */
export const appMutex = new KeyedMutex();
