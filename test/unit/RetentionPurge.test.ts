import { ILogger, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { ClosedLinkIndex } from '../../src/links/ClosedLinkIndex';
import { ConversationLink } from '../../src/links/ConversationLink';
import { ConversationLinkStore } from '../../src/links/ConversationLinkStore';
import { DayRegistrations } from '../../src/links/DayRegistrations';
import { AssociationKeys } from '../../src/persistence/AssociationKeys';
import { retentionDays } from '../../src/retention/retentionDays';
import { PurgeOutcome, RetentionPurge } from '../../src/retention/RetentionPurge';
import { AppSettings } from '../../src/settings/AppSettings';
import { MemoryPersistence } from '../support/MemoryPersistence';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2025-03-10T12:00:00Z');

const settingsWith = (values: Record<string, unknown>) => new AppSettings(async (id) => values[id]);

function linkOf(n: number, extra: Partial<ConversationLink> = {}): ConversationLink {
    return { source: 'rapidpro', conversationKey: `t-${n}`, visitorToken: `v-${n}`, contactKey: `c-${n}`, roomId: `room-${String(n).padStart(3, '0')}`, open: true, externalIds: {}, createdAt: new Date(NOW - 30 * DAY).toISOString(), ...extra };
}

/** The purge over a MemoryPersistence, with a clock that moves `stepMs` at every look (a slow database). */
function purgeOver(memory: MemoryPersistence, options: { stepMs?: number; retention?: number } = {}) {
    let now = NOW;
    const clock = () => (now += options.stepMs ?? 0);
    const lines: Array<string> = [];
    const logger = { info: (text: string) => lines.push(text), debug: () => undefined, warn: (text: string) => lines.push(text) } as unknown as ILogger;
    const read = { getPersistenceReader: () => memory.reader() } as unknown as IRead;
    const purge = new RetentionPurge({ read, persistence: memory.writer(), settings: settingsWith({ retention_days: options.retention ?? 30 }), logger }, clock);
    return { purge, lines };
}

/** Conversations opened and closed through the link store, as the app does; closed `daysAgo` days before NOW. */
async function closed(memory: MemoryPersistence, links: Array<ConversationLink>, daysAgo: number): Promise<void> {
    const store = new ConversationLinkStore(memory.reader(), memory.writer());
    for (const link of links) {
        await store.save(link);
        await store.close({ ...link, closedAt: new Date(NOW - daysAgo * DAY).toISOString() });
    }
}

const pointerKeys = (contactKey: string): Array<RocketChatAssociationRecord> => [AssociationKeys.kind('visitor-link'), AssociationKeys.visitorConversation('rapidpro', contactKey)];

describe('RetentionPurge', () => {
    it('forgets links, pointers and index entries of conversations closed before the cutoff, and nothing else', async () => {
        const memory = new MemoryPersistence();
        await closed(memory, [linkOf(1), linkOf(2)], 40);
        await closed(memory, [linkOf(3)], 29);
        await new ConversationLinkStore(memory.reader(), memory.writer()).save(linkOf(4));
        const { purge, lines } = purgeOver(memory);
        expect(await purge.run()).toEqual({ forgotten: 2, kept: 0, done: true });
        // Left: conversation 3 (closed within 30 days) with its index entry and day, the open conversation 4, the job's state.
        expect(memory.kinds()).toEqual(['closed-day', 'closed-link', 'link', 'link', 'open-link', 'retention-state', 'visitor-link', 'visitor-link']);
        expect(lines).toEqual(['retention: 2 finished conversation(s) closed before 2025-02-08 12:00:00 UTC forgotten (retention_days 30)']);
    });

    it('works off a backlog in runs that stop at their time budget, each carrying on where the last stopped', async () => {
        const memory = new MemoryPersistence();
        await closed(memory, Array.from({ length: 30 }, (_, i) => linkOf(i)), 45);
        await closed(memory, Array.from({ length: 10 }, (_, i) => linkOf(100 + i)), 35);
        const { purge } = purgeOver(memory, { stepMs: 1000 });
        const outcomes: Array<PurgeOutcome> = [];
        for (let run = 0; run < 20 && !outcomes.some((outcome) => outcome.done); run++) {
            outcomes.push(await purge.run());
        }
        expect(outcomes.length).toBeGreaterThan(3);
        expect(outcomes.slice(0, -1).every((outcome) => !outcome.done && outcome.forgotten <= 10)).toBe(true);
        expect(outcomes.reduce((sum, outcome) => sum + outcome.forgotten, 0)).toBe(40);
        expect(memory.kinds()).toEqual(['retention-state']);
    });

    it('keeps a conversation whose delivery waits or is parked, until it is gone', async () => {
        const memory = new MemoryPersistence();
        await closed(memory, [linkOf(1), linkOf(2), linkOf(3)], 40);
        const item = (room: string) => ({ id: `item-${room}`, sequence: '1', source: 'rapidpro', conversationId: room, kind: 'close-room', payload: {}, createdAt: '', attempts: 0, nextAttemptAt: '' });
        await memory.writer().createWithAssociations(item('room-001'), [AssociationKeys.kind('outbox-item'), AssociationKeys.outboxQueue('room-001')]);
        await memory.writer().createWithAssociations({ ...item('room-002'), parkedAt: '', reason: 'refused' }, [AssociationKeys.kind('outbox-parked'), AssociationKeys.outboxParked('room-002')]);
        const { purge } = purgeOver(memory);
        expect(await purge.run()).toEqual({ forgotten: 1, kept: 2, done: true });
        const links = await new ConversationLinkStore(memory.reader()).all();
        expect(links.map((link) => link.roomId).sort()).toEqual(['room-001', 'room-002']);
        memory.records.splice(memory.records.findIndex((record) => record.keys.includes('misc:kind:outbox-item')), 1);
        expect(await purge.run()).toEqual({ forgotten: 1, kept: 1, done: true });
    });

    it('leaves the end user\'s pointer when it points at a newer conversation, and puts back one another instance moved meanwhile', async () => {
        const memory = new MemoryPersistence();
        const store = new ConversationLinkStore(memory.reader(), memory.writer());
        await closed(memory, [linkOf(1, { contactKey: 'ana' })], 40);
        await store.save(linkOf(2, { contactKey: 'ana' }));
        await closed(memory, [linkOf(3, { contactKey: 'bia' })], 40);
        // Bia comes back at the very moment the purge has read her pointer: another instance points it at her new conversation.
        let raced = false;
        memory.beforeRemove = async (keys) => {
            if (!raced && keys.includes('misc:visitor:rapidpro:bia')) {
                raced = true;
                memory.update(pointerKeys('bia'), { conversationKey: 't-4', roomId: 'room-004', visitorToken: 'v-4' });
            }
        };
        const { purge } = purgeOver(memory);
        expect(await purge.run()).toEqual({ forgotten: 2, kept: 0, done: true });
        expect((await store.latestPlaceOfVisitor('rapidpro', 'ana'))?.roomId).toBe('room-002');
        expect((await store.latestPlaceOfVisitor('rapidpro', 'bia'))?.roomId).toBe('room-004');
    });

    it('removes every duplicate on a server that deletes one match per call (records two instances wrote at the same moment)', async () => {
        const memory = new MemoryPersistence({ deleteOne: true });
        await closed(memory, [linkOf(1)], 41);
        // Two upserts racing on MongoDB without a unique index each insert a record: the link and the pointer twice.
        for (const kind of ['misc:kind:link', 'misc:kind:visitor-link']) {
            const record = memory.records.find((candidate) => candidate.keys.includes(kind))!;
            memory.records.push({ keys: [...record.keys], data: { ...record.data } });
        }
        const { purge } = purgeOver(memory);
        expect(await purge.run()).toEqual({ forgotten: 1, kept: 0, done: true });
        expect(memory.kinds()).toEqual(['retention-state']);
    });

    it('drops the index entry of a link whose close never finished (still open), with a warning', async () => {
        const memory = new MemoryPersistence();
        await new ConversationLinkStore(memory.reader(), memory.writer()).save(linkOf(1));
        await new ClosedLinkIndex(memory.reader(), memory.writer(), new DayRegistrations()).add(linkOf(1), new Date(NOW - 40 * DAY).toISOString());
        const { purge, lines } = purgeOver(memory);
        expect(await purge.run()).toEqual({ forgotten: 0, kept: 0, done: true });
        expect(memory.kinds()).toEqual(['link', 'open-link', 'retention-state', 'visitor-link']);
        expect(lines[0]).toContain('its link is still open: the link is kept, the index entry dropped');
    });

    describe('links closed before the index existed', () => {
        const misc = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);

        /** A link as earlier versions stored it: no index entry. */
        function olderLink(memory: MemoryPersistence, link: ConversationLink): void {
            memory.update([misc('kind:link'), new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, link.roomId), misc(`conversation:rapidpro:${link.conversationKey}`)], link);
            memory.update(pointerKeys(link.contactKey!), { conversationKey: link.conversationKey });
        }

        it('are indexed once, over as many runs as it takes, then forgotten or kept like any other', async () => {
            const memory = new MemoryPersistence();
            for (let n = 0; n < 20; n++) {
                olderLink(memory, linkOf(n, { open: false, closedAt: new Date(NOW - 60 * DAY).toISOString() }));
            }
            olderLink(memory, linkOf(50, { open: false, closedAt: new Date(NOW - 2 * DAY).toISOString() }));
            olderLink(memory, linkOf(51, { open: false }));
            olderLink(memory, linkOf(52));
            const { purge } = purgeOver(memory, { stepMs: 1000 });
            const first = await purge.run();
            expect(first).toEqual({ forgotten: 0, kept: 0, done: false });
            let runs = 1;
            let forgotten = 0;
            for (let outcome = first; !outcome.done && runs < 50; runs++) {
                outcome = await purge.run();
                forgotten += outcome.forgotten;
            }
            expect(runs).toBeGreaterThan(2);
            expect(forgotten).toBe(20);
            // Closed two days ago, and closed at an unknown time (kept retention_days from the indexing): indexed and kept; the open one untouched.
            const left = await new ConversationLinkStore(memory.reader()).all();
            expect(left.map((link) => link.roomId).sort()).toEqual(['room-050', 'room-051', 'room-052']);
            expect(memory.kinds().filter((kind) => kind === 'closed-link')).toHaveLength(2);
        });
    });
});

describe('retentionDays', () => {
    it.each([
        [undefined, 180], ['', 180], [180, 180], [7, 7], [7.9, 7], [0, 1], [-5, 1], [5000, 3650], ['30', 30], ['many', 180],
    ])('reads retention_days %p as %i days', async (value, days) => {
        expect(await retentionDays(settingsWith({ retention_days: value }))).toBe(days);
    });
});

describe('DayRegistrations', () => {
    it('remembers only today, which the purge never forgets', () => {
        const registrations = new DayRegistrations();
        expect(registrations.needs('2025-03-10')).toBe(true);
        registrations.registered('2025-03-09', NOW);
        expect(registrations.needs('2025-03-09')).toBe(true);
        registrations.registered('2025-03-10', NOW);
        expect(registrations.needs('2025-03-10')).toBe(false);
        expect(registrations.needs('2025-03-09')).toBe(true);
    });
});
