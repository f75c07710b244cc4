import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { ClosedLinkIndex } from '../links/ClosedLinkIndex';
import { ConversationLink } from '../links/ConversationLink';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { AssociationKeys } from '../persistence/AssociationKeys';

/** How far the one-time indexing has come. */
interface RetentionState {
    /** Every link closed before the index existed is in it. */
    olderLinksIndexed: boolean;
    /** The room id of the last closed link indexed so far (links are indexed in room id order). */
    cursor?: string;
}

const KEYS: Array<RocketChatAssociationRecord> = [AssociationKeys.kind('retention-state'), AssociationKeys.retentionState()];

const byRoom = (a: ConversationLink, b: ConversationLink): number => (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0);

/**
 * The one-time indexing of conversations closed before the closed-day index existed (links of
 * earlier versions of the app, which have no index entry): only a read of every link finds
 * them. Until it is done, each run of the retention job reads every link once, indexes the
 * closed ones in room id order as far as its time allows (a link without a close time counts as
 * closed now, so it is kept `retention_days` from now), and notes how far it came; the run that
 * reaches the end notes that, and no run reads every link again. Conversations closing
 * meanwhile are indexed by their close (indexing one twice changes nothing). On a new
 * installation the first run finds no link and is done at once.
 */
export class LegacyClosedLinks {
    constructor(private readonly reader: IPersistenceRead, private readonly writer: IPersistence, private readonly clock: () => number = Date.now) {}

    /** Indexes older closed links until `deadline`; true once all of them are indexed. */
    public async index(deadline: number): Promise<boolean> {
        const [state] = (await this.reader.readByAssociations(KEYS)) as Array<RetentionState>;
        if (state?.olderLinksIndexed) {
            return true;
        }
        const cursor = state?.cursor;
        const closed = (await new ConversationLinkStore(this.reader).all())
            .filter((link) => !link.open && (cursor === undefined || link.roomId > cursor))
            .sort(byRoom);
        const index = new ClosedLinkIndex(this.reader, this.writer);
        let last = cursor;
        for (const link of closed) {
            if (this.clock() >= deadline) {
                await this.save({ olderLinksIndexed: false, cursor: last });
                return false;
            }
            await index.addOlder({ roomId: link.roomId, closedAt: link.closedAt ?? new Date(this.clock()).toISOString() });
            last = link.roomId;
        }
        await this.save({ olderLinksIndexed: true });
        return true;
    }

    private async save(state: RetentionState): Promise<void> {
        await this.writer.updateByAssociations(KEYS, state, true);
    }
}
