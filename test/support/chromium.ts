import * as fs from 'fs';

/** Where the Debian package `chromium` puts the browser (its launcher script, then the binary itself). */
const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/lib/chromium/chromium'];

/**
 * The system Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the Debian
 * package's. Throws, saying how to install it, when there is none: the browser tests then fail,
 * never pass by skipping.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
    const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : DEBIAN_PATHS;
    const found = candidates.find((candidate) => {
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return true;
        } catch {
            return false;
        }
    });
    if (!found) {
        throw new Error(`The browser tests need Chromium, and there is none at ${candidates.join(' or ')}. Install the Debian package: sudo apt-get install -y chromium (.ci/run does), or set CHROMIUM_PATH to a Chromium binary.`);
    }
    return found;
}
