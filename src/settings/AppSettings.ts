import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { settingsCache } from './settingsCache';

/** The one place that reads settings: typed, trimmed, with defaults for empty values. */
export class AppSettings {
    /** Settings through this app process's cache: a value costs a round trip only the first time it is read. */
    public static from(read: IRead): AppSettings {
        const reader = read.getEnvironmentReader().getSettings();
        return new AppSettings(async (id) => {
            const cached = settingsCache.get(id);
            if (cached) {
                return cached.value;
            }
            const value: unknown = await reader.getValueById(id);
            settingsCache.remember(id, value);
            return value;
        });
    }

    constructor(private readonly lookup: (id: string) => Promise<unknown>) {}

    /** A text setting, trimmed; '' when unset. Secrets are read through here too, so they are trimmed the same way everywhere. */
    public async text(id: string): Promise<string> {
        const value = await this.lookup(id);
        if (typeof value === 'string') {
            return value.trim();
        }
        return typeof value === 'number' ? String(value) : '';
    }

    public async flag(id: string): Promise<boolean> {
        const value = await this.lookup(id);
        return value === true || value === 'true';
    }

    /** A non-negative number; `fallback` when unset or not a number. */
    public async count(id: string, fallback: number): Promise<number> {
        const value = await this.lookup(id);
        const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
        return Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback;
    }
}
