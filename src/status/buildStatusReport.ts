import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { OutboxStore } from '../outbox/OutboxStore';
import { AppSettings } from '../settings/AppSettings';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { sourceConfigurations } from './sourceConfiguration';

/** Health per source for operators: switches, open rooms, traffic, outbox, last delivery error. Never a secret. */
export async function buildStatusReport(read: IRead, settings: AppSettings): Promise<object> {
    const reader = read.getPersistenceReader();
    const links = new ConversationLinkStore(reader);
    const stats = new SourceStatsStore(reader);
    const outbox = new OutboxStore(reader);
    const [waiting, parked] = await Promise.all([outbox.allWaiting(), outbox.allParked()]);
    const sources = await Promise.all((await sourceConfigurations(settings)).map(async (configuration) => {
        const counters = await stats.get(configuration.source);
        const queuedItems = waiting.filter((item) => item.source === configuration.source);
        return {
            ...configuration,
            openRooms: await links.countOpen(configuration.source),
            ...counters,
            outbox: {
                queued: queuedItems.length,
                parked: parked.filter((item) => item.source === configuration.source).length,
                oldestQueuedAt: queuedItems[0]?.createdAt ?? null,
            },
        };
    }));
    return { status: 'ok', sources };
}
