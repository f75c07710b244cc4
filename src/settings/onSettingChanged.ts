import { IEnvironmentWrite, IHttp, ILogger, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import { PLATFORMS } from '../platforms/registry';
import { AppSettings } from './AppSettings';
import { settingsCache } from './settingsCache';

/** A settings change: this instance's cache takes the new value first, then every platform that reacts to settings sees it. */
export async function onSettingChanged(setting: ISetting, read: IRead, http: IHttp, environment: IEnvironmentWrite, appId: string, logger: ILogger): Promise<void> {
    settingsCache.changed(setting);
    logger.info(`setting ${setting.id} changed`);
    const context = { appId, read, http, settings: AppSettings.from(read), logger, environment };
    for (const platform of PLATFORMS) {
        if (platform.onSettingChanged) {
            await platform.onSettingChanged(setting, context);
        }
    }
}
