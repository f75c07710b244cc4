import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { InstallationSecret, SECRET_SETTLES_AFTER_MS } from '../../src/identity/InstallationSecret';
import { visitorTokenFor } from '../../src/identity/visitorTokenFor';

type Stored = { associations: Array<RocketChatAssociationRecord>; data: object };

const sameKeys = (a: Array<RocketChatAssociationRecord>, b: Array<RocketChatAssociationRecord>) =>
    b.every((wanted) => a.some((own) => own.getModel() === wanted.getModel() && own.getID() === wanted.getID()));

/** App persistence shared by several instances: every call takes a turn of the event loop, as a database round trip does. */
class SharedPersistence {
    public readonly records: Array<Stored> = [];
    private readonly turn = () => new Promise((resolve) => setImmediate(resolve));

    public reader(): IPersistenceRead {
        return {
            readByAssociations: async (keys: Array<RocketChatAssociationRecord>) => {
                await this.turn();
                return this.records.filter((record) => sameKeys(record.associations, keys)).map((record) => JSON.parse(JSON.stringify(record.data)));
            },
        } as unknown as IPersistenceRead;
    }

    public writer(): IPersistence {
        return {
            createWithAssociations: async (data: object, associations: Array<RocketChatAssociationRecord>) => {
                await this.turn();
                this.records.push({ associations, data: JSON.parse(JSON.stringify(data)) });
                return String(this.records.length);
            },
        } as unknown as IPersistence;
    }

    /** A candidate stored late by an instance that read "none" long ago. */
    public addCandidate(secret: string, createdAt: number, keysOf: Array<RocketChatAssociationRecord>): void {
        this.records.push({ associations: keysOf, data: { secret, createdAt: new Date(createdAt).toISOString() } });
    }
}

describe('InstallationSecret', () => {
    it('generates 32 random bytes once and keeps them in app persistence', async () => {
        const store = new SharedPersistence();
        const secret = await new InstallationSecret().get(store.reader(), store.writer());
        expect(secret).toMatch(/^[0-9a-f]{64}$/);
        expect(store.records).toHaveLength(1);
        expect(await new InstallationSecret().get(store.reader(), store.writer())).toBe(secret);
        expect(store.records).toHaveLength(1);
    });

    it('makes two instances that both found none converge on one secret', async () => {
        const store = new SharedPersistence();
        const [a, b] = await Promise.all([new InstallationSecret().get(store.reader(), store.writer()), new InstallationSecret().get(store.reader(), store.writer())]);
        expect(store.records).toHaveLength(2);
        expect(a).toBe(b);
        expect(a).toBe([...store.records].map((record) => (record.data as { secret: string }).secret).sort()[0]);
    });

    it('keeps the secret in memory only once no other instance can still add a candidate', async () => {
        const store = new SharedPersistence();
        let now = Date.parse('2026-01-01T00:00:00Z');
        const instance = new InstallationSecret(() => now);
        const first = await instance.get(store.reader(), store.writer());
        const keys = store.records[0].associations;
        // An instance that read "none" before the first candidate was stored stores its own a moment later, and it wins.
        store.addCandidate('0'.repeat(64), now + 5, keys);
        expect(await instance.get(store.reader(), store.writer())).toBe('0'.repeat(64));
        now += SECRET_SETTLES_AFTER_MS;
        expect(await instance.get(store.reader(), store.writer())).toBe('0'.repeat(64));
        // Settled: the winner is kept, whatever appears later.
        store.records.length = 0;
        expect(await instance.get(store.reader(), store.writer())).toBe('0'.repeat(64));
        expect(first).not.toBe('0'.repeat(64));
    });

    it('settles on a read-only use too: an instance that only looks the secret up stops reading it once it is old enough', async () => {
        const store = new SharedPersistence();
        let now = Date.parse('2026-01-01T00:00:00Z');
        const maker = new InstallationSecret(() => now);
        const looker = new InstallationSecret(() => now);
        expect(await looker.stored(store.reader())).toBeUndefined();
        expect(store.records).toHaveLength(0);
        const secret = await maker.get(store.reader(), store.writer());
        expect(await looker.stored(store.reader())).toBe(secret);
        now += SECRET_SETTLES_AFTER_MS;
        expect(await looker.stored(store.reader())).toBe(secret);
        store.records.length = 0;
        expect(await looker.stored(store.reader())).toBe(secret);
    });
});

describe('visitorTokenFor', () => {
    it('is stable for one end user under one secret, and differs by secret, source and end user', () => {
        const secret = 'a'.repeat(64);
        const token = visitorTokenFor(secret, 'rapidpro', '10000');
        expect(token).toMatch(/^[0-9a-f]{64}$/);
        expect(visitorTokenFor(secret, 'rapidpro', '10000')).toBe(token);
        expect(visitorTokenFor('b'.repeat(64), 'rapidpro', '10000')).not.toBe(token);
        expect(visitorTokenFor(secret, 'chatday', '10000')).not.toBe(token);
        expect(visitorTokenFor(secret, 'rapidpro', '10001')).not.toBe(token);
        expect(token).not.toContain('10000');
    });
});
