import { BRIDGE_ADAPTERS } from '../bridges/bridgeAdapters';
import { bridgeReadiness } from '../bridges/bridgeReadiness';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';

export interface SourceConfiguration {
    readonly source: string;
    readonly enabled: boolean;
    readonly configured: boolean;
    /** Ids of required settings still empty (never their values). */
    readonly missingSettings: ReadonlyArray<string>;
}

/** Whether each source is switched on and has the settings it needs (never the values themselves). */
export async function sourceConfigurations(settings: AppSettings): Promise<ReadonlyArray<SourceConfiguration>> {
    const secretSet = (await settings.text(SettingId.AppSecret)) !== '';
    const rapidpro: SourceConfiguration = { source: 'rapidpro', enabled: true, configured: secretSet, missingSettings: secretSet ? [] : [SettingId.AppSecret] };
    const bridges = await Promise.all(BRIDGE_ADAPTERS.map(async (adapter) => {
        const readiness = await bridgeReadiness(adapter, settings);
        return { source: adapter.source, enabled: readiness.enabled, configured: readiness.missing.length === 0, missingSettings: readiness.missing };
    }));
    return [rapidpro, ...bridges];
}
