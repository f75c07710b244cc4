import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';
import { AlertState, NO_ALERTS } from './AlertState';

const stateKeys = (): Array<RocketChatAssociationRecord> => [AssociationKeys.kind('alert-state'), AssociationKeys.alertState()];

/** The alert job's state: one record, read and written by the job (one run at a time across instances) and read by status. */
export class AlertStateStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async get(): Promise<AlertState> {
        const [record] = (await this.reader.readByAssociations(stateKeys())) as Array<Partial<AlertState>>;
        return { active: record?.active ?? NO_ALERTS.active, posted: record?.posted ?? NO_ALERTS.posted, room: record?.room };
    }

    public async save(state: AlertState): Promise<void> {
        await requireWriter(this.writer, 'AlertStateStore').updateByAssociations(stateKeys(), state, true);
    }
}
