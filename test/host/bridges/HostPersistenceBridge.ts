import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { PersistenceBridge } from '@rocket.chat/apps-engine/server/bridges/PersistenceBridge';

import { HostStore, persistenceIndexKey,PersistenceRecord } from '../HostStore';
import { randomId } from '../ids';

/** Associations arrive from the Deno runtime as plain `{model, id}` objects. */
type Association = { model: string; id: string };

const fields = (association: RocketChatAssociationRecord | Association): Association => association as unknown as Association;

const sameAssociation = (a: Association, b: RocketChatAssociationRecord): boolean => a.model === fields(b).model && a.id === fields(b).id;

/** A record matches when it carries every association asked for (Mongo's `$all`). */
const hasAll = (record: PersistenceRecord, wanted: Array<RocketChatAssociationRecord>): boolean =>
    wanted.every((association) => record.associations.some((own) => sameAssociation(fields(own), association)));

/** Rocket.Chat's update-by-associations matches the exact association list (Mongo equality on the array). */
const hasExactly = (record: PersistenceRecord, wanted: Array<RocketChatAssociationRecord>): boolean =>
    record.associations.length === wanted.length && wanted.every((association, i) => sameAssociation(fields(record.associations[i]), association));

const plain = (associations: Array<RocketChatAssociationRecord>): Array<RocketChatAssociationRecord> =>
    associations.map((association) => ({ model: fields(association).model, id: fields(association).id }) as unknown as RocketChatAssociationRecord);

/** Stored data is copied in and out, as a database would, so nobody shares references with the app's calls. */
const copy = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

/**
 * App persistence like Rocket.Chat's `apps_persistence` collection, including its index on
 * associations: a keyed read costs the same with ten records or a million.
 */
export class HostPersistenceBridge extends PersistenceBridge {
    /** The collection's index, kept with it in the store: every instance's bridge uses the same one. */
    private readonly index: Map<string, Set<string>>;

    constructor(private readonly store: HostStore) {
        super();
        this.index = store.persistenceIndex;
    }

    protected async purge(appId: string): Promise<void> {
        for (const record of [...this.store.persistence.values()]) {
            if (record.appId === appId) {
                this.delete(record);
            }
        }
    }

    protected async create(data: object, appId: string): Promise<string> {
        return this.insert(data, [], appId);
    }

    protected async createWithAssociations(data: object, associations: Array<RocketChatAssociationRecord>, appId: string): Promise<string> {
        return this.insert(data, associations, appId);
    }

    protected async readById(id: string, appId: string): Promise<object> {
        const record = this.store.persistence.get(id);
        return record && record.appId === appId ? copy(record.data) : {};
    }

    protected async readByAssociations(associations: Array<RocketChatAssociationRecord>, appId: string): Promise<Array<object>> {
        return this.matching(appId, (record) => hasAll(record, associations), associations).map((record) => copy(record.data));
    }

    protected async remove(id: string, appId: string): Promise<object | undefined> {
        const record = this.store.persistence.get(id);
        if (!record || record.appId !== appId) {
            return undefined;
        }
        this.delete(record);
        return record.data;
    }

    protected async removeByAssociations(associations: Array<RocketChatAssociationRecord>, appId: string): Promise<Array<object> | undefined> {
        const records = this.matching(appId, (record) => hasAll(record, associations), associations);
        for (const record of records) {
            this.delete(record);
        }
        return records.map((record) => record.data);
    }

    protected async update(id: string, data: object, upsert: boolean, appId: string): Promise<string> {
        const record = this.store.persistence.get(id);
        if (record && record.appId === appId) {
            record.data = copy(data);
            return id;
        }
        if (!upsert) {
            throw new Error(`no record ${id}`);
        }
        this.store.persistence.set(id, { id, appId, associations: [], data: copy(data) });
        return id;
    }

    /**
     * Rocket.Chat (apps/meteor/app/apps/server/bridges/persistence.ts) runs
     * `updateOne({appId, associations}, {$set: {data}}, {upsert})`: the first record with exactly
     * these associations is updated; none and upsert off → nothing happens, and nothing is thrown.
     */
    protected async updateByAssociations(associations: Array<RocketChatAssociationRecord>, data: object, upsert: boolean, appId: string): Promise<string> {
        this.failIfFaulted(associations);
        const record = this.matching(appId, (candidate) => hasExactly(candidate, associations), associations)[0];
        if (record) {
            record.data = copy(data);
            return record.id;
        }
        if (!upsert) {
            return '';
        }
        return this.insert(data, associations, appId);
    }

    private insert(data: object, associations: Array<RocketChatAssociationRecord>, appId: string): string {
        if (typeof data !== 'object' || data === null) {
            throw new Error('Attempted to store an invalid data type, it must be an object.');
        }
        this.failIfFaulted(associations);
        const id = randomId();
        const record = { id, appId, associations: plain(associations), data: copy(data) };
        this.store.putPersistence(record);
        return id;
    }

    private failIfFaulted(associations: Array<RocketChatAssociationRecord>): void {
        for (const fault of this.store.persistenceWriteFaults) {
            const error = fault(plain(associations));
            if (error) {
                throw error;
            }
        }
    }

    private delete(record: PersistenceRecord): void {
        this.store.removePersistence(record);
    }

    /** Candidates come from the index entry of the rarest association asked for (all records when none is). */
    private matching(appId: string, predicate: (record: PersistenceRecord) => boolean, associations: Array<RocketChatAssociationRecord> = []): Array<PersistenceRecord> {
        const sets = associations.map((association) => this.index.get(persistenceIndexKey(association)) ?? new Set<string>());
        const candidates = sets.length === 0
            ? [...this.store.persistence.values()]
            : [...sets.reduce((smallest, set) => (set.size < smallest.size ? set : smallest))].map((id) => this.store.persistence.get(id)!).filter(Boolean);
        return candidates.filter((record) => record.appId === appId && predicate(record));
    }
}
