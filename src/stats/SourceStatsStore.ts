import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { appMutex } from '../concurrency/KeyedMutex';
import { AssociationKeys } from '../persistence/AssociationKeys';

export interface SourceStats {
    messagesIn: number;
    messagesOut: number;
    lastInAt?: string;
    lastOutAt?: string;
    lastError?: { at: string; message: string };
}

const EMPTY: SourceStats = { messagesIn: 0, messagesOut: 0 };

const keys = (source: string) => [AssociationKeys.kind('stats'), AssociationKeys.sourceStats(source)];

/** Counters and the last delivery error per source, for the status endpoint (never holds secrets). */
export class SourceStatsStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async get(source: string): Promise<SourceStats> {
        const [record] = await this.reader.readByAssociations(keys(source));
        return { ...EMPTY, ...(record as SourceStats | undefined) };
    }

    public async countIn(source: string, now: Date): Promise<void> {
        await this.change(source, (stats) => ({ ...stats, messagesIn: stats.messagesIn + 1, lastInAt: now.toISOString() }));
    }

    public async countOut(source: string, now: Date): Promise<void> {
        await this.change(source, (stats) => ({ ...stats, messagesOut: stats.messagesOut + 1, lastOutAt: now.toISOString() }));
    }

    public async recordError(source: string, message: string, now: Date): Promise<void> {
        await this.change(source, (stats) => ({ ...stats, lastError: { at: now.toISOString(), message: message.slice(0, 500) } }));
    }

    private async change(source: string, update: (stats: SourceStats) => SourceStats): Promise<void> {
        const writer = this.writer;
        if (!writer) {
            throw new Error('SourceStatsStore opened read-only');
        }
        await appMutex.run(`stats:${source}`, async () => {
            await writer.updateByAssociations(keys(source), update(await this.get(source)), true);
        });
    }
}
