import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { AssociationKeys } from '../persistence/AssociationKeys';

/** When a source's lane runs next: the time its pending job is due (or its run started), and that job's id. */
export interface LaneState {
    source: string;
    armedFor?: string;
    jobId?: string;
}

const laneKeys = (source: string): Array<RocketChatAssociationRecord> => [AssociationKeys.kind('outbox-lane'), AssociationKeys.outboxLane(source)];

/** One small record per source, so arming a lane is a keyed read and a write. */
export class LaneStateStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async get(source: string): Promise<LaneState> {
        const [state] = (await this.reader.readByAssociations(laneKeys(source))) as Array<LaneState>;
        return state ?? { source };
    }

    public async all(): Promise<Map<string, LaneState>> {
        const states = (await this.reader.readByAssociations([AssociationKeys.kind('outbox-lane')])) as Array<LaneState>;
        return new Map(states.map((state) => [state.source, state]));
    }

    public async set(state: LaneState): Promise<void> {
        if (!this.writer) {
            throw new Error('LaneStateStore opened read-only');
        }
        await this.writer.updateByAssociations(laneKeys(state.source), state, true);
    }
}
