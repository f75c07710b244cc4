import { AppSourceStorage, IAppStorageItem } from '@rocket.chat/apps-engine/server/storage';

/** Installed app packages (zip files). */
export class MemorySourceStorage extends AppSourceStorage {
    private readonly zips = new Map<string, Buffer>();

    public async store(item: IAppStorageItem, zip: Buffer): Promise<string> {
        this.zips.set(item.id, zip);
        return `memory:${item.id}`;
    }

    public async fetch(item: IAppStorageItem): Promise<Buffer> {
        const zip = this.zips.get(item.id);
        if (!zip) {
            throw new Error(`no package stored for ${item.id}`);
        }
        return zip;
    }

    public async update(item: IAppStorageItem, zip: Buffer): Promise<string> {
        return this.store(item, zip);
    }

    public async remove(item: IAppStorageItem): Promise<void> {
        this.zips.delete(item.id);
    }
}
