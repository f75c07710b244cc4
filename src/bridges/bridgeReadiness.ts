import { PlatformInbound } from '../platforms/PlatformInbound';
import { AppSettings } from '../settings/AppSettings';

export interface BridgeReadiness {
    enabled: boolean;
    /** Required settings that are empty (their ids, never their values). */
    missing: Array<string>;
}

export async function bridgeReadiness(inbound: Pick<PlatformInbound, 'enabledSetting' | 'requiredSettings'>, settings: AppSettings): Promise<BridgeReadiness> {
    const enabled = await settings.flag(inbound.enabledSetting);
    const values = await Promise.all(inbound.requiredSettings.map(async (id) => ({ id, value: await settings.text(id) })));
    return { enabled, missing: values.filter((entry) => entry.value === '').map((entry) => entry.id) };
}
