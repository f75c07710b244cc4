import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { BridgeAdapter } from './BridgeAdapter';

export interface BridgeReadiness {
    enabled: boolean;
    /** Required settings that are empty (their ids, never their values). */
    missing: Array<SettingId>;
}

export async function bridgeReadiness(adapter: Pick<BridgeAdapter, 'enabledSetting' | 'requiredSettings'>, settings: AppSettings): Promise<BridgeReadiness> {
    const enabled = await settings.flag(adapter.enabledSetting);
    const values = await Promise.all(adapter.requiredSettings.map(async (id) => ({ id, value: await settings.text(id) })));
    return { enabled, missing: values.filter((entry) => entry.value === '').map((entry) => entry.id) };
}
