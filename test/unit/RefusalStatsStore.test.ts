import { REFUSAL_MINUTES_KEPT, RefusalStatsStore } from '../../src/stats/RefusalStatsStore';
import { MemoryPersistence } from '../support/MemoryPersistence';

/** App persistence as Rocket.Chat keeps it: every call takes a turn of the event loop, as a database round trip does. */
const newPersistence = () => new MemoryPersistence({ turns: true });

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 0, 1, 12, minute, second));

describe('RefusalStatsStore', () => {
    it('adds every refusal to its source and reason total, whichever shard took it', async () => {
        const persistence = newPersistence();
        const store = new RefusalStatsStore(persistence.reader(), persistence.writer());
        for (let i = 0; i < 20; i += 1) {
            await store.count('gitple', 'bad-credentials', at(0));
        }
        await store.count('gitple', 'bad-input', at(0));
        await store.count('app', 'wrong-method', at(0));
        expect(await store.totals()).toEqual([
            { source: 'app', reason: 'wrong-method', total: 1 },
            { source: 'gitple', reason: 'bad-credentials', total: 20 },
            { source: 'gitple', reason: 'bad-input', total: 1 },
        ]);
        expect(await new RefusalStatsStore(persistence.reader()).totals()).toHaveLength(3);
    });

    it('loses none of the refusals one app process counts at the same moment', async () => {
        const persistence = newPersistence();
        const store = new RefusalStatsStore(persistence.reader(), persistence.writer());
        await Promise.all(Array.from({ length: 100 }, () => store.count('closer', 'bad-credentials', at(3))));
        expect(await store.totals()).toEqual([{ source: 'closer', reason: 'bad-credentials', total: 100 }]);
        expect(await store.recent('closer', 'bad-credentials', at(3, 59), 1)).toBe(100);
    });

    it('counts the refusals of the last whole minutes up to now, the current one included', async () => {
        const persistence = newPersistence();
        const store = new RefusalStatsStore(persistence.reader(), persistence.writer());
        await store.count('uchat', 'bad-credentials', at(0, 10));
        await store.count('uchat', 'bad-credentials', at(4, 59));
        await store.count('uchat', 'bad-credentials', at(5, 0));
        await store.count('uchat', 'bad-credentials', at(5, 30));
        await store.count('uchat', 'bad-input', at(5, 30));
        expect(await store.recent('uchat', 'bad-credentials', at(5, 40), 1)).toBe(2);
        expect(await store.recent('uchat', 'bad-credentials', at(5, 40), 2)).toBe(3);
        expect(await store.recent('uchat', 'bad-credentials', at(5, 40), 5)).toBe(3);
        expect(await store.recent('uchat', 'bad-credentials', at(5, 40), 6)).toBe(4);
        expect(await store.recent('uchat', 'bad-credentials', at(4, 0), 10)).toBe(2);
        expect(await store.recent('uchat', 'bad-credentials', at(9, 0), 2)).toBe(0);
        expect(await store.recent('chatday', 'bad-credentials', at(5, 40), 10)).toBe(0);
    });

    it('keeps its records bounded: a fixed number per source and reason, each with the last minutes only', async () => {
        const persistence = newPersistence();
        const store = new RefusalStatsStore(persistence.reader(), persistence.writer());
        for (let minute = 0; minute < 60; minute += 1) {
            for (let i = 0; i < 10; i += 1) {
                await store.count('rapidpro', 'bad-credentials', at(minute));
            }
        }
        expect(persistence.records.length).toBeLessThanOrEqual(8);
        for (const record of persistence.records) {
            expect((record.data as { minutes: Array<unknown> }).minutes.length).toBeLessThanOrEqual(REFUSAL_MINUTES_KEPT);
        }
        expect(await store.totals()).toEqual([{ source: 'rapidpro', reason: 'bad-credentials', total: 600 }]);
        expect(await store.recent('rapidpro', 'bad-credentials', at(59, 30), REFUSAL_MINUTES_KEPT)).toBe(10 * REFUSAL_MINUTES_KEPT);
        expect(await store.recent('rapidpro', 'bad-credentials', at(59, 30), 60)).toBe(10 * REFUSAL_MINUTES_KEPT);
    });

    it('refuses to count when opened read-only', async () => {
        const persistence = newPersistence();
        await expect(new RefusalStatsStore(persistence.reader()).count('app', 'bad-input', at(0))).rejects.toThrow('RefusalStatsStore opened read-only');
    });
});
