import { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { IMarketplaceInfo } from '@rocket.chat/apps-engine/server/marketplace';
import { AppMetadataStorage, IAppStorageItem } from '@rocket.chat/apps-engine/server/storage';

/**
 * Installed apps' records (Rocket.Chat keeps them in MongoDB). Survives a host restart when the same instance is reused.
 * Reads return copies, as documents read from MongoDB are: an engine changing what it read changes nothing stored.
 */
export class MemoryMetadataStorage extends AppMetadataStorage {
    private readonly items = new Map<string, IAppStorageItem>();
    /**
     * While set, writes are discarded: a Rocket.Chat process that stops writes nothing about its apps
     * on the way out, while the engine's unload() (the host's only way to stop the runtimes) saves
     * every app as disabled on Apps-Engine 1.53 and older.
     */
    public frozen = false;

    constructor() {
        super('memory');
    }

    /**
     * Stores a copy and returns the item itself with its _id, createdAt and updatedAt set, as
     * Rocket.Chat's AppRealStorage.create did (apps/meteor/ee/server/apps/storage/AppRealStorage.ts,
     * before it returned a copy without empty fields). Apps-Engine 1.53 goes on saving the app's
     * in-memory record with update(): were it another object than the one the engine changed while
     * enabling the app, the next setting change would save the status as 'unknown' and the app
     * would not start again after a restart.
     */
    public async create(item: IAppStorageItem): Promise<IAppStorageItem> {
        item._id = item._id ?? item.id;
        item.createdAt = new Date();
        item.updatedAt = new Date();
        if (!this.frozen) {
            this.items.set(item.id, structuredClone(item));
        }
        return item;
    }

    public async retrieveOne(id: string): Promise<IAppStorageItem | null> {
        const item = this.items.get(id);
        return item ? structuredClone(item) : null;
    }

    public async retrieveAll(): Promise<Map<string, IAppStorageItem>> {
        return new Map([...this.items].map(([id, item]) => [id, structuredClone(item)]));
    }

    public async retrieveAllPrivate(): Promise<Map<string, IAppStorageItem>> {
        return this.retrieveAll();
    }

    public async remove(id: string): Promise<{ success: boolean }> {
        return { success: !this.frozen && this.items.delete(id) };
    }

    public async updatePartialAndReturnDocument(item: Partial<IAppStorageItem>): Promise<IAppStorageItem> {
        const id = item.id ?? item._id!;
        if (this.frozen) {
            return structuredClone(this.items.get(id)!);
        }
        const merged = { ...this.items.get(id)!, ...item, updatedAt: new Date() };
        this.items.set(id, merged);
        return structuredClone(merged);
    }

    /**
     * Apps-Engine 1.53 and older save the whole record through update() (the methods below came
     * later). As Rocket.Chat 7.x's AppRealStorage.update (apps/meteor/ee/server/apps/storage/AppRealStorage.ts):
     * `$set` of the item on the record with its id and _id, permissionsGranted unset when the item
     * has none, the record after the update returned.
     */
    public async update(item: IAppStorageItem): Promise<IAppStorageItem> {
        const current = this.items.get(item.id);
        if (!current || (item._id !== undefined && current._id !== item._id)) {
            return null as unknown as IAppStorageItem; // findOneAndUpdate finds nothing: null, which the engine's type does not admit
        }
        if (this.frozen) {
            return structuredClone(current);
        }
        const updated: IAppStorageItem = { ...current, ...item };
        if (!item.permissionsGranted) {
            delete updated.permissionsGranted;
        }
        this.items.set(item.id, updated);
        return structuredClone(updated);
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
        if (!item || this.frozen) {
            return false;
        }
        this.items.set(id, { ...item, ...changes, updatedAt: new Date() });
        return true;
    }
}
