import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AssociationKeys } from '../persistence/AssociationKeys';
import { removeEvery } from '../persistence/removeEvery';
import { requireWriter } from '../persistence/requireWriter';
import { utcDay } from '../time/utcDay';
import { ConversationLink } from './ConversationLink';
import { DayRegistrations, dayRegistrations } from './DayRegistrations';

/** A closed conversation in the index of the UTC day it closed on. */
export interface ClosedLinkEntry {
    roomId: string;
    closedAt: string;
}

const ENTRY_KIND = 'closed-link';
const DAY_KIND = 'closed-day';

const entryKeys = (day: string, roomId: string): Array<RocketChatAssociationRecord> => [AssociationKeys.kind(ENTRY_KIND), AssociationKeys.closedOn(day), AssociationKeys.closedLinkOfRoom(roomId)];
const dayKeys = (day: string): Array<RocketChatAssociationRecord> => [AssociationKeys.kind(DAY_KIND), AssociationKeys.closedDay(day)];

/**
 * The index of closed conversations by the UTC day they closed on, so the retention job finds
 * the conversations closed before a date with one keyed read per day: one entry per closed
 * conversation (`closed-on:<day>`, `closed-link:<room>`), and one record per day that has
 * entries (`closed-day:<day>`), read all at once by the job. A day is registered before its
 * entry is written, and an entry before the link is marked closed, so a failure in between
 * leaves at worst an empty day or an entry of a link still open, which the job clears.
 */
export class ClosedLinkIndex {
    private readonly registeredHere = new Set<string>();

    constructor(
        private readonly reader: IPersistenceRead,
        private readonly writer?: IPersistence,
        private readonly registrations: DayRegistrations = dayRegistrations,
        private readonly now: () => number = Date.now,
    ) {}

    /** Indexes a conversation as closed at `closedAt` (its day registered first, once a day per app process). */
    public async add(link: Pick<ConversationLink, 'roomId'>, closedAt: string): Promise<void> {
        const day = utcDay(Date.parse(closedAt));
        if (this.registrations.needs(day)) {
            await this.registerDay(day);
            this.registrations.registered(day, this.now());
        }
        await this.writeEntry(day, { roomId: link.roomId, closedAt });
    }

    /** Indexes a conversation closed before the index existed (the one-time indexing of older links): each day is registered once per index object. */
    public async addOlder(entry: ClosedLinkEntry): Promise<void> {
        const day = utcDay(Date.parse(entry.closedAt));
        if (!this.registeredHere.has(day)) {
            await this.registerDay(day);
            this.registeredHere.add(day);
        }
        await this.writeEntry(day, entry);
    }

    /** Every registered day, oldest first. */
    public async days(): Promise<Array<string>> {
        const records = (await this.reader.readByAssociations([AssociationKeys.kind(DAY_KIND)])) as Array<{ day: string }>;
        return [...new Set(records.map((record) => record.day))].sort();
    }

    /** The conversations that closed on a day. */
    public async closedOn(day: string): Promise<Array<ClosedLinkEntry>> {
        return (await this.reader.readByAssociations([AssociationKeys.kind(ENTRY_KIND), AssociationKeys.closedOn(day)])) as Array<ClosedLinkEntry>;
    }

    /** Removes a room's entries (whatever day they are under). */
    public async forget(roomId: string): Promise<void> {
        await removeEvery(requireWriter(this.writer, 'ClosedLinkIndex'), [AssociationKeys.kind(ENTRY_KIND), AssociationKeys.closedLinkOfRoom(roomId)]);
    }

    /** Removes a day whose entries are all gone. */
    public async forgetDay(day: string): Promise<void> {
        await removeEvery(requireWriter(this.writer, 'ClosedLinkIndex'), dayKeys(day));
    }

    private async registerDay(day: string): Promise<void> {
        await requireWriter(this.writer, 'ClosedLinkIndex').updateByAssociations(dayKeys(day), { day }, true);
    }

    private async writeEntry(day: string, entry: ClosedLinkEntry): Promise<void> {
        await requireWriter(this.writer, 'ClosedLinkIndex').updateByAssociations(entryKeys(day, entry.roomId), entry, true);
    }
}
