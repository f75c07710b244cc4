import { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';
import { AppLogStorage, IAppLogStorageFindOptions } from '@rocket.chat/apps-engine/server/storage';

/** The app logs Rocket.Chat shows under Administration > Apps > Logs. */
export class MemoryLogStorage extends AppLogStorage {
    public readonly entries: Array<ILoggerStorageEntry> = [];

    constructor() {
        super('memory');
    }

    public async findPaginated(_query: object, options?: IAppLogStorageFindOptions): Promise<{ logs: ILoggerStorageEntry[]; total: number }> {
        const skip = options?.skip ?? 0;
        const limit = options?.limit ?? this.entries.length;
        return { logs: this.entries.slice(skip, skip + limit), total: this.entries.length };
    }

    /** Apps-Engine 1.53 and older name findPaginated() find(). */
    public async find(query: object, options?: IAppLogStorageFindOptions): Promise<{ logs: ILoggerStorageEntry[]; total: number }> {
        return this.findPaginated(query, options);
    }

    public async storeEntries(entry: ILoggerStorageEntry): Promise<ILoggerStorageEntry> {
        this.entries.push(entry);
        return entry;
    }

    public async getEntriesFor(appId: string): Promise<Array<ILoggerStorageEntry>> {
        return this.entries.filter((entry) => entry.appId === appId);
    }

    public async removeEntriesFor(appId: string): Promise<void> {
        for (let i = this.entries.length - 1; i >= 0; i--) {
            if (this.entries[i].appId === appId) {
                this.entries.splice(i, 1);
            }
        }
    }
}
