import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';

interface Recovery {
    source: string;
    at: string;
}

const KIND = AssociationKeys.kind('receiver-recovery');
const sourceKeys = (source: string): Array<RocketChatAssociationRecord> => [KIND, AssociationKeys.receiverRecovery(source)];

/**
 * When each source's receiver last took a delivery that had failed before: the end of a
 * failure streak, for the alert on failing receivers. Written by the source's delivery lane
 * (one run at a time) only when such an item goes through, so a delivery that works at once
 * costs nothing; read in one keyed read for every source.
 */
export class ReceiverRecoveryStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async recovered(source: string, at: Date): Promise<void> {
        const record: Recovery = { source, at: at.toISOString() };
        await requireWriter(this.writer, 'ReceiverRecoveryStore').updateByAssociations(sourceKeys(source), record, true);
    }

    /** Source → when its receiver last recovered (ISO time). */
    public async all(): Promise<Map<string, string>> {
        const records = (await this.reader.readByAssociations([KIND])) as Array<Recovery>;
        return new Map(records.map((record) => [record.source, record.at]));
    }
}
