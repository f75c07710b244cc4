import { KeyedMutex } from '../../src/concurrency/KeyedMutex';

interface Deferred {
    promise: Promise<void>;
    resolve: () => void;
    reject: (error: Error) => void;
}

function deferred(): Deferred {
    let resolve!: () => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/** Lets every already-queued promise callback run. */
async function settle(): Promise<void> {
    for (let i = 0; i < 10; i++) {
        await new Promise<void>((resolve) => setImmediate(resolve));
    }
}

/**
 * The mutex keeps one promise chain per key in the private map `tails`; the class promises it
 * holds nothing between calls, and the map is not otherwise observable, so the tests read it.
 */
function pendingKeys(mutex: KeyedMutex): number {
    return (mutex as unknown as { tails: Map<string, unknown> }).tails.size;
}

describe('KeyedMutex', () => {
    it('returns the work result', async () => {
        const mutex = new KeyedMutex();
        await expect(mutex.run('k', async () => 42)).resolves.toBe(42);
        expect(pendingKeys(mutex)).toBe(0);
    });

    it('runs work for the same key one after another, in call order, never overlapping', async () => {
        const mutex = new KeyedMutex();
        const events: Array<string> = [];
        const gates = [deferred(), deferred(), deferred()];
        let running = 0;
        let maxRunning = 0;
        const runs = gates.map((gate, i) => mutex.run('same', async () => {
            running++;
            maxRunning = Math.max(maxRunning, running);
            events.push(`start ${i}`);
            await gate.promise;
            events.push(`end ${i}`);
            running--;
            return i;
        }));

        await settle();
        expect(events).toEqual(['start 0']);
        expect(pendingKeys(mutex)).toBe(1);

        // Releasing a later one first must not let it start before its turn.
        gates[2].resolve();
        await settle();
        expect(events).toEqual(['start 0']);

        gates[0].resolve();
        await settle();
        expect(events).toEqual(['start 0', 'end 0', 'start 1']);

        gates[1].resolve();
        await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2]);
        expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
        expect(maxRunning).toBe(1);
        expect(pendingKeys(mutex)).toBe(0);
    });

    it('runs work for different keys concurrently', async () => {
        const mutex = new KeyedMutex();
        const gateA = deferred();
        const gateB = deferred();
        const started: Array<string> = [];
        const a = mutex.run('a', async () => {
            started.push('a');
            await gateA.promise;
            return 'A';
        });
        const b = mutex.run('b', async () => {
            started.push('b');
            await gateB.promise;
            return 'B';
        });
        await settle();
        // Both started although neither has finished.
        expect(started).toEqual(['a', 'b']);
        expect(pendingKeys(mutex)).toBe(2);

        // b can finish while a still holds its own key.
        gateB.resolve();
        await expect(b).resolves.toBe('B');
        expect(pendingKeys(mutex)).toBe(1);
        gateA.resolve();
        await expect(a).resolves.toBe('A');
        expect(pendingKeys(mutex)).toBe(0);
    });

    it('releases the lock when the work fails, and passes the error on', async () => {
        const mutex = new KeyedMutex();
        const gate = deferred();
        const events: Array<string> = [];
        const failing = mutex.run('k', async () => {
            events.push('failing start');
            await gate.promise;
        });
        const next = mutex.run('k', async () => {
            events.push('next start');
            return 'ok';
        });
        await settle();
        expect(events).toEqual(['failing start']);

        gate.reject(new Error('boom'));
        await expect(failing).rejects.toThrow('boom');
        await expect(next).resolves.toBe('ok');
        expect(events).toEqual(['failing start', 'next start']);
        expect(pendingKeys(mutex)).toBe(0);
    });

    it('releases the lock when the work throws synchronously', async () => {
        const mutex = new KeyedMutex();
        const failing = mutex.run('k', (() => {
            throw new Error('sync boom');
        }) as () => Promise<void>);
        const next = mutex.run('k', async () => 'after');
        await expect(failing).rejects.toThrow('sync boom');
        await expect(next).resolves.toBe('after');
        expect(pendingKeys(mutex)).toBe(0);
    });

    it('can be used again for a key after it was emptied', async () => {
        const mutex = new KeyedMutex();
        await mutex.run('k', async () => undefined);
        expect(pendingKeys(mutex)).toBe(0);
        const gate = deferred();
        const events: Array<number> = [];
        const first = mutex.run('k', async () => {
            events.push(1);
            await gate.promise;
        });
        const second = mutex.run('k', async () => {
            events.push(2);
        });
        await settle();
        expect(events).toEqual([1]);
        gate.resolve();
        await Promise.all([first, second]);
        expect(events).toEqual([1, 2]);
        expect(pendingKeys(mutex)).toBe(0);
    });

    it('empties the map after many overlapping calls on several keys', async () => {
        const mutex = new KeyedMutex();
        const perKey = new Map<string, number>();
        let overlap = false;
        const runs: Array<Promise<void>> = [];
        for (let i = 0; i < 60; i++) {
            const key = `key-${i % 4}`;
            runs.push(mutex.run(key, async () => {
                if ((perKey.get(key) ?? 0) > 0) {
                    overlap = true;
                }
                perKey.set(key, (perKey.get(key) ?? 0) + 1);
                await new Promise<void>((resolve) => setTimeout(resolve, i % 3));
                perKey.set(key, (perKey.get(key) ?? 0) - 1);
            }));
        }
        await Promise.all(runs);
        expect(overlap).toBe(false);
        expect(pendingKeys(mutex)).toBe(0);
    });
});
