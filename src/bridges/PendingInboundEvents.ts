import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AssociationKeys } from '../persistence/AssociationKeys';
import { requireWriter } from '../persistence/requireWriter';
import { InboundEvent } from './InboundEvent';

/** One end user's events that arrived while Rocket.Chat could not open their room, oldest first. */
export interface PendingInbound {
    source: string;
    visitorToken: string;
    events: Array<InboundEvent>;
    /** When the first of them was kept. */
    since: string;
    /** Failed attempts at the first event for another reason than nobody online (it is given up after a few). */
    failures: number;
}

const KIND = 'pending-inbound';

/**
 * Events kept per end user until an agent is online: one record per (source, visitor),
 * rewritten with the same associations; all of them are read with one query by the sweep.
 */
export class PendingInboundEvents {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async of(source: string, visitorToken: string): Promise<PendingInbound | undefined> {
        const [record] = await this.reader.readByAssociations(keys(source, visitorToken));
        return record as PendingInbound | undefined;
    }

    public async all(): Promise<Array<PendingInbound>> {
        return (await this.reader.readByAssociations([AssociationKeys.kind(KIND)])) as Array<PendingInbound>;
    }

    public async save(record: PendingInbound): Promise<void> {
        await requireWriter(this.writer, 'PendingInboundEvents').updateByAssociations(keys(record.source, record.visitorToken), record, true);
    }

    public async remove(source: string, visitorToken: string): Promise<void> {
        await requireWriter(this.writer, 'PendingInboundEvents').removeByAssociations(keys(source, visitorToken));
    }
}

function keys(source: string, visitorToken: string): Array<RocketChatAssociationRecord> {
    return [AssociationKeys.kind(KIND), AssociationKeys.pendingInbound(source, visitorToken)];
}
