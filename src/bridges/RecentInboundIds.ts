import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { AssociationKeys } from '../persistence/AssociationKeys';

const KEEP = 500;

interface Record {
    ids: Array<string>;
}

/**
 * The last platform message/event ids handled per end user, so a platform's retry changes
 * nothing. One small bounded record per visitor (callers serialise per visitor).
 */
export class RecentInboundIds {
    constructor(private readonly reader: IPersistenceRead, private readonly writer: IPersistence) {}

    public async has(source: string, visitorToken: string, id: string): Promise<boolean> {
        return (await this.load(source, visitorToken)).includes(id);
    }

    public async remember(source: string, visitorToken: string, id: string): Promise<void> {
        const ids = [...(await this.load(source, visitorToken)), id].slice(-KEEP);
        await this.writer.updateByAssociations(keys(source, visitorToken), { ids }, true);
    }

    private async load(source: string, visitorToken: string): Promise<Array<string>> {
        const [record] = (await this.reader.readByAssociations(keys(source, visitorToken))) as Array<Record>;
        return record?.ids ?? [];
    }
}

function keys(source: string, visitorToken: string) {
    return [AssociationKeys.kind('inbound-ids'), AssociationKeys.inboundEvent(source, visitorToken)];
}
