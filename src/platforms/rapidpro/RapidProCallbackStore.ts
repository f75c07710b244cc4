import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { AssociationKeys } from '../../persistence/AssociationKeys';

interface CallbackRecord {
    url: string;
    updatedAt: string;
}

const KEYS = [AssociationKeys.kind('rapidpro-callback'), AssociationKeys.rapidproCallback()];

/** The callback URL RapidPro gave with `PUT /settings` (its event_callback endpoint). */
export class RapidProCallbackStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async url(): Promise<string | undefined> {
        const [record] = (await this.reader.readByAssociations(KEYS)) as Array<CallbackRecord>;
        return record?.url;
    }

    public async save(url: string, now: Date): Promise<void> {
        if (!this.writer) {
            throw new Error('RapidProCallbackStore opened read-only');
        }
        await this.writer.updateByAssociations(KEYS, { url, updatedAt: now.toISOString() }, true);
    }
}
