import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

interface Stored {
    keys: Array<string>;
    data: object;
}

const keyOf = (association: RocketChatAssociationRecord): string => `${association.getModel()}:${association.getID()}`;
const copy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

/**
 * App persistence for unit tests, with Rocket.Chat's rules (rocketchat-server.md item 20): reads
 * and removals match records carrying every association asked for, an update matches the exact
 * association list (the first such record) and inserts on upsert. `deleteOne` removes only the
 * first match of a removal while answering every match, as Rocket.Chat's versions on the MongoDB
 * driver do. `beforeRemove` runs before each removal, with its associations (another instance
 * acting meanwhile). With `turns`, every call first takes a turn of the event loop, as a database
 * round trip does, so that concurrent callers interleave.
 */
export class MemoryPersistence {
    public readonly records: Array<Stored> = [];
    public beforeRemove?: (keys: Array<string>) => Promise<void>;
    /** Persistence calls made, for round-trip counts. */
    public calls = 0;

    constructor(private readonly options: { deleteOne?: boolean; turns?: boolean } = {}) {}

    public reader(): IPersistenceRead {
        return {
            readByAssociations: async (associations: Array<RocketChatAssociationRecord>) => {
                await this.call();
                return this.matching(associations).map((record) => copy(record.data));
            },
        } as unknown as IPersistenceRead;
    }

    public writer(): IPersistence {
        return {
            createWithAssociations: async (data: object, associations: Array<RocketChatAssociationRecord>) => {
                await this.call();
                this.records.push({ keys: associations.map(keyOf), data: copy(data) });
                return String(this.records.length);
            },
            updateByAssociations: async (associations: Array<RocketChatAssociationRecord>, data: object, upsert = true) => {
                await this.call();
                this.update(associations, data, upsert);
                return '';
            },
            removeByAssociations: async (associations: Array<RocketChatAssociationRecord>) => {
                await this.call();
                await this.beforeRemove?.(associations.map(keyOf));
                const matches = this.matching(associations);
                for (const record of this.options.deleteOne ? matches.slice(0, 1) : matches) {
                    this.records.splice(this.records.indexOf(record), 1);
                }
                return matches.map((record) => copy(record.data));
            },
        } as unknown as IPersistence;
    }

    private async call(): Promise<void> {
        this.calls += 1;
        if (this.options.turns) {
            await new Promise((resolve) => setImmediate(resolve));
        }
    }

    /** Writes as the app's update-by-associations does (for a test acting as another instance). */
    public update(associations: Array<RocketChatAssociationRecord>, data: object, upsert = true): void {
        const keys = associations.map(keyOf);
        const existing = this.records.find((record) => record.keys.length === keys.length && record.keys.every((key, i) => key === keys[i]));
        if (existing) {
            existing.data = copy(data);
        } else if (upsert) {
            this.records.push({ keys, data: copy(data) });
        }
    }

    /** The kind of every record (`misc:kind:link` → `link`), sorted. */
    public kinds(): Array<string> {
        return this.records.map((record) => record.keys.find((key) => key.startsWith('misc:kind:'))?.slice('misc:kind:'.length) ?? '?').sort();
    }

    private matching(associations: Array<RocketChatAssociationRecord>): Array<Stored> {
        const wanted = associations.map(keyOf);
        return this.records.filter((record) => wanted.every((key) => record.keys.includes(key)));
    }
}
