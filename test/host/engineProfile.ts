import { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';

/**
 * Where the Apps-Engine this host runs (ENGINE=<version>, scripts/engines.js) behaves differently
 * from the newest one, in ways the host or a test can see. The host adapts to these; everything
 * else is the same engine code path.
 */
export interface EngineProfile {
    /** The version of the @rocket.chat/apps-engine package loaded. */
    version: string;
    /**
     * Rocket.Chat hands apps every upload of a message as IMessage.files from 1.62 on; before, the
     * engine's IMessage has only `file` (the first upload), so the server sends no `files`.
     */
    messageFiles: boolean;
    /** The status of an app right after install with enable: auto_enabled up to 1.57, manually_enabled later. */
    statusAfterInstall: AppStatus;
    /**
     * From 1.62 each call into the app logs into its own logger, stored under its own method.
     * Before, the runtime keeps one current logger, replaced by every call that starts, and each
     * answer stores whatever the current one holds: a call that overlaps others may have its lines
     * stored under another call's method, stored twice, or not at all.
     */
    logsEveryCall: boolean;
}

function versionAtLeast(version: string, minimum: string): boolean {
    const have = version.split('.').map(Number);
    const want = minimum.split('.').map(Number);
    for (let i = 0; i < want.length; i++) {
        if ((have[i] ?? 0) !== want[i]) {
            return (have[i] ?? 0) > want[i];
        }
    }
    return true;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file (tsconfig.json has no resolveJsonModule)
const loadedVersion: string = require('@rocket.chat/apps-engine/package.json').version;

export const engineProfile: EngineProfile = {
    version: loadedVersion,
    messageFiles: versionAtLeast(loadedVersion, '1.62.0'),
    statusAfterInstall: versionAtLeast(loadedVersion, '1.58.0') ? AppStatus.MANUALLY_ENABLED : AppStatus.AUTO_ENABLED,
    logsEveryCall: versionAtLeast(loadedVersion, '1.62.0'),
};
