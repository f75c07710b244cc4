import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppSettings } from '../settings/AppSettings';
import { DepartmentLookup } from './DepartmentLookup';
import { Effect, Problem } from './Problem';

/** Collects what one source's configuration lacks: the platform's own check calls it for every setting and department it needs. */
export class ConfigurationCheck {
    public readonly problems: Array<Problem> = [];

    constructor(public readonly read: IRead, public readonly settings: AppSettings, private readonly departments: DepartmentLookup) {}

    /** A setting the source needs; `effect` is what fails while it is empty. */
    public async requires(setting: string, effect: Effect): Promise<void> {
        if ((await this.settings.text(setting)) === '') {
            this.problems.push({ kind: 'empty-setting', setting, effect });
        }
    }

    /**
     * A department setting: when set it must name a department. When empty, `fallback` (a
     * setting used instead) is checked the same way, and `whenEmpty` (a department the source
     * cannot do without) is reported as what fails.
     */
    public async department(setting: string, options: { fallback?: string; whenEmpty?: Effect } = {}): Promise<void> {
        const value = await this.settings.text(setting);
        if (value === '') {
            if (options.whenEmpty) {
                this.problems.push({ kind: 'empty-setting', setting, effect: options.whenEmpty });
            } else if (options.fallback) {
                await this.department(options.fallback);
            }
            return;
        }
        if (!(await this.departments.exists(value))) {
            this.problems.push({ kind: 'unknown-department', setting, value });
        }
    }

    public add(problem: Problem): void {
        this.problems.push(problem);
    }

    /** Ids of the needed settings that are empty (never their values). */
    public missingSettings(): Array<string> {
        const missing: Array<string> = [];
        for (const problem of this.problems) {
            if (problem.kind === 'empty-setting') {
                missing.push(problem.setting);
            }
        }
        return missing;
    }
}
