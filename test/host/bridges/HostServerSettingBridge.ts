import { ISetting, SettingType } from '@rocket.chat/apps-engine/definition/settings';
import { ServerSettingBridge } from '@rocket.chat/apps-engine/server/bridges/ServerSettingBridge';

import { HostStore } from '../HostStore';

/** Rocket.Chat's own settings (Site_Url…), read-only for apps here. */
export class HostServerSettingBridge extends ServerSettingBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async getAll(): Promise<Array<ISetting>> {
        return [...this.store.serverSettings.keys()].map((id) => this.toSetting(id));
    }

    protected async getOneById(id: string): Promise<ISetting> {
        return this.toSetting(id);
    }

    protected async hideGroup(): Promise<void> {
        throw new Error('apps cannot hide server settings here');
    }

    protected async hideSetting(): Promise<void> {
        throw new Error('apps cannot hide server settings here');
    }

    protected async isReadableById(id: string): Promise<boolean> {
        return this.store.serverSettings.has(id);
    }

    protected async updateOne(): Promise<void> {
        throw new Error('apps cannot change server settings here');
    }

    protected async incrementValue(): Promise<void> {
        throw new Error('apps cannot change server settings here');
    }

    private toSetting(id: string): ISetting {
        const value = this.store.serverSettings.get(id);
        return { id, type: SettingType.STRING, packageValue: value, value, required: false, public: true, i18nLabel: id };
    }
}
