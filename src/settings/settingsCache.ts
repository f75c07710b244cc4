import { ISetting } from '@rocket.chat/apps-engine/definition/settings';

/**
 * The app's settings as last seen by this app process. Apps-Engine has no bulk read and
 * every `getValueById` is an engine round trip, so each value is read once and then kept
 * current by `onSettingUpdated`, which Rocket.Chat delivers to the app on every instance.
 * A restart of the app process starts empty.
 */
const values = new Map<string, unknown>();

export const settingsCache = {
    get(id: string): { value: unknown } | undefined {
        return values.has(id) ? { value: values.get(id) } : undefined;
    },
    /** A value just read; a change that arrived while it was being read wins. */
    remember(id: string, value: unknown): void {
        if (!values.has(id)) {
            values.set(id, value);
        }
    },
    /** A change saved by an admin (or by the app itself): its new value, or the default when cleared. */
    changed(setting: ISetting): void {
        values.set(setting.id, setting.value ?? setting.packageValue);
    },
};
