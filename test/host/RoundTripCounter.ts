import { DenoRuntimeSubprocessController } from '@rocket.chat/apps-engine/server/runtime/deno/AppsEngineDenoRuntime';

type IncomingMessage = { payload: { method?: string } };
type Controller = { handleIncomingMessage(message: IncomingMessage): Promise<void> };

/**
 * Counts the engine round trips an app makes: every accessor or bridge call its Deno
 * runtime sends to the server (on a real Rocket.Chat each is an IPC hop plus, mostly, a
 * MongoDB query). Hooks the engine's message handler once per process.
 */
export class RoundTripCounter {
    private static installed?: RoundTripCounter;
    private readonly counts = new Map<string, number>();

    public static install(): RoundTripCounter {
        if (!RoundTripCounter.installed) {
            const counter = new RoundTripCounter();
            const prototype = DenoRuntimeSubprocessController.prototype as unknown as Controller;
            const original = prototype.handleIncomingMessage;
            prototype.handleIncomingMessage = function (this: Controller, message: IncomingMessage) {
                counter.record(message.payload?.method);
                return original.call(this, message);
            };
            RoundTripCounter.installed = counter;
        }
        return RoundTripCounter.installed;
    }

    /** The total so far. */
    public total(): number {
        let sum = 0;
        for (const count of this.counts.values()) {
            sum += count;
        }
        return sum;
    }

    /** Calls per method since the given snapshot (e.g. `bridges:getPersistenceBridge:doReadByAssociations`). */
    public since(snapshot: ReadonlyMap<string, number>): Map<string, number> {
        const delta = new Map<string, number>();
        for (const [method, count] of this.counts) {
            const difference = count - (snapshot.get(method) ?? 0);
            if (difference > 0) {
                delta.set(method, difference);
            }
        }
        return delta;
    }

    public snapshot(): ReadonlyMap<string, number> {
        return new Map(this.counts);
    }

    private record(method: string | undefined): void {
        if (method && (method.startsWith('accessor:') || method.startsWith('bridges:'))) {
            this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
        }
    }
}
