import { BRIDGE_ADAPTERS } from '../bridges/bridgeAdapters';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';

export interface SourceConfiguration {
    readonly source: string;
    readonly enabled: boolean;
    readonly configured: boolean;
}

async function allSet(settings: AppSettings, ids: ReadonlyArray<SettingId>): Promise<boolean> {
    const values = await Promise.all(ids.map((id) => settings.text(id)));
    return values.every((value) => value !== '');
}

/** Whether each source is switched on and has the settings it needs (never the values themselves). */
export async function sourceConfigurations(settings: AppSettings): Promise<ReadonlyArray<SourceConfiguration>> {
    const bridge = async (source: string, enabled: SettingId, needed: ReadonlyArray<SettingId>): Promise<SourceConfiguration> => ({
        source,
        enabled: await settings.flag(enabled),
        configured: await allSet(settings, needed),
    });
    return Promise.all([
        allSet(settings, [SettingId.AppSecret]).then((configured) => ({ source: 'rapidpro', enabled: true, configured })),
        bridge('gitple', SettingId.GitpleEnabled, [SettingId.GitpleEventSecret]),
        bridge('uchat', SettingId.UchatEnabled, [SettingId.UchatVerificationKey, SettingId.UchatBotUrl, SettingId.UchatFlowApiKey]),
        ...BRIDGE_ADAPTERS.map((adapter) => bridge(adapter.source, adapter.enabledSetting, adapter.requiredSettings)),
    ]);
}
