import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { PLATFORMS } from '../platforms/registry';
import { AppSettings } from '../settings/AppSettings';
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
    readonly missingSettings: ReadonlyArray<string>;
    readonly problems: ReadonlyArray<Problem>;
}

/**
 * Whether each source is switched on and has what it needs, and if not, what is missing or
 * wrong (never a setting's value, except the department names it gives). A platform without
 * a switch is always on.
 */
export async function sourceConfigurations(read: IRead, settings: AppSettings): Promise<ReadonlyArray<SourceConfiguration>> {
    const departments = new DepartmentLookup(read);
    return Promise.all(PLATFORMS.map(async (platform) => {
        const findings = new ConfigurationCheck(read, settings, departments);
        await platform.checkConfiguration(findings);
        return {
            source: platform.source,
            label: platform.label,
            enabled: platform.inbound ? await settings.flag(platform.inbound.enabledSetting) : true,
            configured: findings.problems.length === 0,
            missingSettings: findings.missingSettings(),
            problems: findings.problems,
        };
    }));
}
