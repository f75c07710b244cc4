import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { AppDetailChangesBridge } from '@rocket.chat/apps-engine/server/bridges/AppDetailChangesBridge';

/** Where a setting change saved on one instance goes: Rocket.Chat's notifier, which tells every other instance. */
export type SettingsChangeNotifier = (appId: string, setting: ISetting) => void;

/**
 * Rocket.Chat's AppDetailChangesBridge (app/apps/server/bridges/details.ts): a setting saved
 * through this instance (by an admin, or by the app itself through its environment writer)
 * is announced to the other instances (AppServerNotifier.appSettingsChange), whose
 * AppServerListener updates their copy of the app, which then runs onSettingUpdated.
 */
export class HostAppDetailChangesBridge extends AppDetailChangesBridge {
    public notify: SettingsChangeNotifier = () => undefined;

    protected onAppSettingsChange(appId: string, setting: ISetting): void {
        this.notify(appId, setting);
    }
}
