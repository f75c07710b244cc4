import { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { IMarketplaceInfo } from '@rocket.chat/apps-engine/server/marketplace';
import { AppMetadataStorage, IAppStorageItem } from '@rocket.chat/apps-engine/server/storage';

/** Installed apps' records (Rocket.Chat keeps them in MongoDB). Survives a host restart when the same instance is reused. */
export class MemoryMetadataStorage extends AppMetadataStorage {
    private readonly items = new Map<string, IAppStorageItem>();

    constructor() {
        super('memory');
    }

    public async create(item: IAppStorageItem): Promise<IAppStorageItem> {
        const stored = { ...item, _id: item._id ?? item.id, createdAt: new Date(), updatedAt: new Date() };
        this.items.set(item.id, stored);
        return stored;
    }

    public async retrieveOne(id: string): Promise<IAppStorageItem | null> {
        return this.items.get(id) ?? null;
    }

    public async retrieveAll(): Promise<Map<string, IAppStorageItem>> {
        return new Map(this.items);
    }

    public async retrieveAllPrivate(): Promise<Map<string, IAppStorageItem>> {
        return new Map(this.items);
    }

    public async remove(id: string): Promise<{ success: boolean }> {
        return { success: this.items.delete(id) };
    }

    public async updatePartialAndReturnDocument(item: Partial<IAppStorageItem>): Promise<IAppStorageItem> {
        const id = item.id ?? item._id!;
        const merged = { ...this.items.get(id)!, ...item, updatedAt: new Date() };
        this.items.set(id, merged);
        return merged;
    }

    public async updateStatus(id: string, status: AppStatus): Promise<boolean> {
        return this.patch(id, { status });
    }

    public async updateSetting(id: string, setting: ISetting): Promise<boolean> {
        const item = this.items.get(id);
        return item ? this.patch(id, { settings: { ...item.settings, [setting.id]: setting } }) : false;
    }

    public async updateAppInfo(id: string, info: IAppInfo): Promise<boolean> {
        return this.patch(id, { info });
    }

    public async updateMarketplaceInfo(id: string, marketplaceInfo: IMarketplaceInfo[]): Promise<boolean> {
        return this.patch(id, { marketplaceInfo });
    }

    private patch(id: string, changes: Partial<IAppStorageItem>): boolean {
        const item = this.items.get(id);
        if (!item) {
            return false;
        }
        this.items.set(id, { ...item, ...changes, updatedAt: new Date() });
        return true;
    }
}
