import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { PendingInboundEvents } from '../bridges/PendingInboundEvents';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { OutboxStore } from '../outbox/OutboxStore';
import { AppSettings } from '../settings/AppSettings';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { sourceConfigurations } from './sourceConfiguration';

/** Health per source for operators: switches, open rooms, traffic, outbox, last delivery error, events waiting for an agent. Never a secret. */
export async function buildStatusReport(read: IRead, settings: AppSettings): Promise<object> {
    const reader = read.getPersistenceReader();
    const links = new ConversationLinkStore(reader);
    const stats = new SourceStatsStore(reader);
    const outbox = new OutboxStore(reader);
    const [waiting, parked, kept] = await Promise.all([outbox.allWaiting(), outbox.allParked(), new PendingInboundEvents(reader).all()]);
    const sources = await Promise.all((await sourceConfigurations(settings)).map(async (configuration) => {
        const counters = await stats.get(configuration.source);
        const queuedItems = waiting.filter((item) => item.source === configuration.source);
        const keptHere = kept.filter((record) => record.source === configuration.source);
        return {
            ...configuration,
            openRooms: await links.countOpen(configuration.source),
            ...counters,
            outbox: {
                queued: queuedItems.length,
                parked: parked.filter((item) => item.source === configuration.source).length,
                oldestQueuedAt: queuedItems[0]?.createdAt ?? null,
            },
            waitingForAgent: {
                endUsers: keptHere.length,
                events: keptHere.reduce((sum, record) => sum + record.events.length, 0),
                since: keptHere.map((record) => record.since).sort()[0] ?? null,
            },
        };
    }));
    return { status: 'ok', sources };
}
