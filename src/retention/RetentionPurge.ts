import { appMutex } from '../concurrency/KeyedMutex';
import { AppContext } from '../context/AppContext';
import { ClosedLinkEntry, ClosedLinkIndex } from '../links/ClosedLinkIndex';
import { contactKeyOf, visitorLock } from '../links/ConversationLink';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { dayRegistrations } from '../links/DayRegistrations';
import { OutboxStore } from '../outbox/OutboxStore';
import { utcDay } from '../time/utcDay';
import { utcStamp } from '../time/utcStamp';
import { LegacyClosedLinks } from './LegacyClosedLinks';
import { retentionDays } from './retentionDays';
import { RETENTION_TIMING } from './RetentionJobs';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What one run of the purge came to. */
export interface PurgeOutcome {
    /** Finished conversations forgotten. */
    forgotten: number;
    /** Closed long enough, but kept because a delivery of theirs still waits or is parked. */
    kept: number;
    /** False when the run stopped at its time budget with work left. */
    done: boolean;
}

type PurgeContext = Pick<AppContext, 'read' | 'persistence' | 'settings' | 'logger'>;

/**
 * Forgets what finished conversations leave in app persistence once they have been closed
 * longer than `retention_days`: the link, and the end user's pointer when it still points at
 * that conversation. It reads the closed-day index (one read for the list of days, one per day
 * up to the cutoff), never every link (but for the one-time indexing of older links, see
 * LegacyClosedLinks). Never touched: open conversations, conversations with a delivery still
 * waiting or parked (kept, with their outbox items, until those are gone), a pointer to a newer
 * conversation, kept inbound events, counters, the installation secret, the outbox itself.
 */
export class RetentionPurge {
    private readonly links: ConversationLinkStore;
    private readonly index: ClosedLinkIndex;

    constructor(private readonly context: PurgeContext, private readonly clock: () => number = Date.now) {
        const reader = context.read.getPersistenceReader();
        this.links = new ConversationLinkStore(reader, context.persistence);
        this.index = new ClosedLinkIndex(reader, context.persistence, dayRegistrations, clock);
    }

    public async run(): Promise<PurgeOutcome> {
        const deadline = this.clock() + RETENTION_TIMING.RUN_BUDGET_MS;
        const outcome: PurgeOutcome = { forgotten: 0, kept: 0, done: false };
        const reader = this.context.read.getPersistenceReader();
        if (!(await new LegacyClosedLinks(reader, this.context.persistence, this.clock).index(deadline))) {
            this.context.logger.info('retention: indexing conversations closed before the index existed; continued in a minute');
            return outcome;
        }
        const days = await retentionDays(this.context.settings);
        const cutoff = this.clock() - days * DAY_MS;
        const due = (await this.index.days()).filter((day) => day <= utcDay(cutoff));
        if (due.length > 0) {
            const busy = await this.conversationsWithDeliveries();
            for (const day of due) {
                if (!(await this.purgeDay(day, cutoff, busy, deadline, outcome))) {
                    this.report(outcome, cutoff, days);
                    return outcome;
                }
            }
        }
        outcome.done = true;
        this.report(outcome, cutoff, days);
        return outcome;
    }

    /** Forgets the day's conversations closed before the cutoff; false when the budget ran out first. The day goes once none is left. */
    private async purgeDay(day: string, cutoff: number, busy: ReadonlySet<string>, deadline: number, outcome: PurgeOutcome): Promise<boolean> {
        let left = 0;
        for (const entry of await this.index.closedOn(day)) {
            if (this.clock() >= deadline) {
                return false;
            }
            if (Date.parse(entry.closedAt) >= cutoff) {
                left += 1;
            } else if (busy.has(entry.roomId)) {
                left += 1;
                outcome.kept += 1;
            } else if (await this.forget(entry)) {
                outcome.forgotten += 1;
            }
        }
        if (left === 0) {
            await this.index.forgetDay(day);
        }
        return true;
    }

    /** Forgets one conversation; false when there was nothing to forget (gone already, or its close never finished). */
    private async forget(entry: ClosedLinkEntry): Promise<boolean> {
        const link = await this.links.byRoom(entry.roomId);
        if (link?.open) {
            // Indexed by a close that never finished: the entry goes; a close that comes later indexes it again.
            this.context.logger.warn(`retention: room ${entry.roomId} was indexed as closed on ${utcStamp(entry.closedAt)}, but its link is still open: the link is kept, the index entry dropped`);
        } else if (link) {
            // The end user's lock of this instance: their next conversation opening here waits for the pointer's check.
            await appMutex.run(visitorLock(link.source, contactKeyOf(link)), () => this.links.forget(link));
        }
        await this.index.forget(entry.roomId);
        return link !== undefined && !link.open;
    }

    /**
     * Rooms with an outbox item, waiting or parked: two reads per run. An item being parked at
     * the very moment between them can be missed; its conversation's link is then forgotten, but
     * the item itself is never touched and still goes out (an item carries all it needs).
     */
    private async conversationsWithDeliveries(): Promise<ReadonlySet<string>> {
        const outbox = new OutboxStore(this.context.read.getPersistenceReader());
        const parked = await outbox.allParked();
        const waiting = await outbox.allWaiting();
        return new Set([...parked, ...waiting].map((item) => item.conversationId));
    }

    private report(outcome: PurgeOutcome, cutoff: number, days: number): void {
        const what = `retention: ${outcome.forgotten} finished conversation(s) closed before ${utcStamp(new Date(cutoff).toISOString())} forgotten (retention_days ${days})`;
        const kept = outcome.kept > 0 ? `; ${outcome.kept} kept while a delivery of theirs waits or is parked` : '';
        const more = outcome.done ? '' : '; continued in a minute';
        if (outcome.forgotten > 0 || outcome.kept > 0 || !outcome.done) {
            this.context.logger.info(`${what}${kept}${more}`);
        } else {
            this.context.logger.debug(what);
        }
    }
}
