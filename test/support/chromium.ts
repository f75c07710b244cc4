import * as fs from 'fs';
import * as path from 'path';

/** A browser the tests can start, and where it came from. */
export interface FoundChromium {
    readonly executablePath: string;
    /** `CHROMIUM_PATH`, `system` (one installed on the machine) or `npm` (the one `npm ci` brought). */
    readonly origin: 'CHROMIUM_PATH' | 'system' | 'npm';
}

/** Where Chromium or Chrome is installed on Linux (Debian's package first), macOS and Windows. */
function systemCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): Array<string> {
    if (platform === 'darwin') {
        return [
            '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
            '/Applications/Chromium.app/Contents/MacOS/Chromium',
        ];
    }
    if (platform === 'win32') {
        const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
        return roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
    }
    return ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];
}

function isExecutable(candidate: string): boolean {
    try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

/**
 * The Chromium that `npm ci` brought: the devDependency `@sparticuz/chromium`, a Chromium build
 * shipped inside the npm package (Linux x64 and arm64), unpacked into the temporary folder on
 * first use. Nothing is downloaded.
 */
async function npmChromium(platform: NodeJS.Platform): Promise<string> {
    if (platform !== 'linux') {
        throw new Error(`The browser tests need Chrome or Chromium, and none is installed: install Google Chrome, or set CHROMIUM_PATH to a Chromium binary (the Chromium that comes with npm ci runs on Linux only, this is ${platform}).`);
    }
    // A CommonJS module whose export is the class itself.
    const chromium = (await import('@sparticuz/chromium')).default;
    return chromium.executablePath();
}

/**
 * The browser the browser tests drive, in this order: `CHROMIUM_PATH` when set; else a Chromium
 * or Chrome the machine has (Debian's package, Chrome on macOS or Windows); else the one that
 * came with `npm ci`. `TICKETS_BROWSER=npm` skips the machine's own, so that CI proves the path
 * of a machine with no browser even where one is installed. Throws when there is none: the
 * browser tests then fail, never pass by skipping.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<FoundChromium> {
    if (env.CHROMIUM_PATH) {
        if (!isExecutable(env.CHROMIUM_PATH)) {
            throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable file.`);
        }
        return { executablePath: env.CHROMIUM_PATH, origin: 'CHROMIUM_PATH' };
    }
    if (env.TICKETS_BROWSER !== undefined && env.TICKETS_BROWSER !== 'npm' && env.TICKETS_BROWSER !== 'any') {
        throw new Error(`TICKETS_BROWSER is "${env.TICKETS_BROWSER}": it is "npm" (the Chromium that came with npm ci) or "any" (the default).`);
    }
    const installed = env.TICKETS_BROWSER === 'npm' ? undefined : systemCandidates(env, platform).find(isExecutable);
    if (installed) {
        return { executablePath: installed, origin: 'system' };
    }
    return { executablePath: await npmChromium(platform), origin: 'npm' };
}
