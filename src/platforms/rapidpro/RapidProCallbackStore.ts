import { IEnvironmentWrite, IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AssociationKeys } from '../../persistence/AssociationKeys';
import { AppSettings } from '../../settings/AppSettings';
import { RapidProSetting } from './RapidProSetting';
import { RAPIDPRO_SOURCE } from './rapidProSource';

interface CallbackRecord {
    url: string;
    updatedAt: string;
}

const KEYS = [AssociationKeys.kind(`${RAPIDPRO_SOURCE}-callback`), AssociationKeys.platformRecord(RAPIDPRO_SOURCE, 'callback')];

/**
 * The callback URL RapidPro gave with `PUT /settings` (its event_callback endpoint). Kept in
 * app persistence, and copied into the hidden setting `rapidpro_callback_url`, which every
 * instance keeps in memory (settings changes reach onSettingUpdated everywhere): a delivery
 * needs no round trip for it. Installations that stored it before the setting existed are read
 * from persistence and copied over by the first delivery that has the environment writer.
 */
export class RapidProCallbackStore {
    constructor(
        private readonly reader: IPersistenceRead,
        private readonly settings: AppSettings,
        private readonly writer?: IPersistence,
        private readonly environment?: IEnvironmentWrite,
    ) {}

    public async url(): Promise<string | undefined> {
        const kept = await this.settings.text(RapidProSetting.CallbackUrl);
        if (kept) {
            return kept;
        }
        const [record] = (await this.reader.readByAssociations(KEYS)) as Array<CallbackRecord>;
        if (record?.url && this.environment) {
            await this.environment.getSettings().updateValue(RapidProSetting.CallbackUrl, record.url);
        }
        return record?.url;
    }

    public async save(url: string, now: Date): Promise<void> {
        if (!this.writer || !this.environment) {
            throw new Error('RapidProCallbackStore opened read-only');
        }
        await this.writer.updateByAssociations(KEYS, { url, updatedAt: now.toISOString() }, true);
        await this.environment.getSettings().updateValue(RapidProSetting.CallbackUrl, url);
    }
}
