import { IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { BRIDGE_ADAPTERS } from '../bridges/bridgeAdapters';
import { checkChatdayConfiguration } from '../platforms/chatday/checkChatdayConfiguration';
import { checkCloserConfiguration } from '../platforms/closer/checkCloserConfiguration';
import { checkGitpleConfiguration } from '../platforms/gitple/checkGitpleConfiguration';
import { checkRapidProConfiguration } from '../platforms/rapidpro/checkRapidProConfiguration';
import { checkUchatConfiguration } from '../platforms/uchat/checkUchatConfiguration';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { ConfigurationCheck } from './ConfigurationCheck';
import { DepartmentLookup } from './DepartmentLookup';
import { Problem } from './Problem';

export interface SourceConfiguration {
    readonly source: string;
    /** The platform's name as people write it. */
    readonly label: string;
    readonly enabled: boolean;
    /** Everything each direction needs is set and every department it names exists. */
    readonly configured: boolean;
    /** Ids of needed settings still empty (never their values). */
    readonly missingSettings: ReadonlyArray<SettingId>;
    readonly problems: ReadonlyArray<Problem>;
}

type Check = (check: ConfigurationCheck) => Promise<void>;

/** Each source's own check (in its platform's folder), one line each. */
const CHECKS: ReadonlyArray<{ source: string; check: Check }> = [
    { source: 'rapidpro', check: checkRapidProConfiguration },
    { source: 'gitple', check: checkGitpleConfiguration },
    { source: 'chatday', check: checkChatdayConfiguration },
    { source: 'uchat', check: checkUchatConfiguration },
    { source: 'closer', check: checkCloserConfiguration },
];

/**
 * Whether each source is switched on and has what it needs, and if not, what is missing or
 * wrong (never a setting's value, except the department names it gives). RapidPro is always on.
 */
export async function sourceConfigurations(read: IRead, settings: AppSettings): Promise<ReadonlyArray<SourceConfiguration>> {
    const departments = new DepartmentLookup(read);
    return Promise.all(CHECKS.map(async ({ source, check }) => {
        const adapter = BRIDGE_ADAPTERS.find((candidate) => candidate.source === source);
        const findings = new ConfigurationCheck(read, settings, departments);
        await check(findings);
        return {
            source,
            label: adapter?.label ?? 'RapidPro',
            enabled: adapter ? await settings.flag(adapter.enabledSetting) : true,
            configured: findings.problems.length === 0,
            missingSettings: findings.missingSettings(),
            problems: findings.problems,
        };
    }));
}
