import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';

/** `retention_days`: its default, and the range it is held to (whole days). */
const RETENTION_DAYS = { DEFAULT: 180, MIN: 1, MAX: 3650 };

/** How many days a finished conversation is kept after its close: `retention_days`, in whole days, within 1 to 3650. */
export async function retentionDays(settings: AppSettings): Promise<number> {
    const text = await settings.text(SettingId.RetentionDays);
    const value = text === '' ? RETENTION_DAYS.DEFAULT : Number(text);
    const days = Number.isFinite(value) ? Math.floor(value) : RETENTION_DAYS.DEFAULT;
    return Math.min(RETENTION_DAYS.MAX, Math.max(RETENTION_DAYS.MIN, days));
}
