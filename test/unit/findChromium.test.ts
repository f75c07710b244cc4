import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { findChromium } from '../support/chromium';

/**
 * Which browser the browser tests drive: CHROMIUM_PATH, else the machine's, else the one npm ci
 * brought; TICKETS_BROWSER=npm (what CI sets) always takes npm's, even where the machine has one.
 */
describe('findChromium', () => {
    const fakeBinary = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-chromium-')), 'chrome');
    fs.writeFileSync(fakeBinary, '#!/bin/sh\n', { mode: 0o755 });

    it('takes CHROMIUM_PATH first, and refuses one that is not executable', async () => {
        await expect(findChromium({ CHROMIUM_PATH: fakeBinary, TICKETS_BROWSER: 'npm' }, 'linux')).resolves.toEqual({ executablePath: fakeBinary, origin: 'CHROMIUM_PATH' });
        await expect(findChromium({ CHROMIUM_PATH: `${fakeBinary}-missing` }, 'linux')).rejects.toThrow('CHROMIUM_PATH is');
    });

    it('with TICKETS_BROWSER=npm, unpacks and returns the Chromium that came with npm ci', async () => {
        const found = await findChromium({ TICKETS_BROWSER: 'npm' }, 'linux');
        expect(found.origin).toBe('npm');
        fs.accessSync(found.executablePath, fs.constants.X_OK);
    });

    it('on Windows looks under Program Files, and says what to do when there is no Chrome', async () => {
        await expect(findChromium({ PROGRAMFILES: '/nowhere' }, 'win32')).rejects.toThrow(/install Google Chrome, or set CHROMIUM_PATH/);
    });

    it('refuses an unknown TICKETS_BROWSER instead of guessing', async () => {
        await expect(findChromium({ TICKETS_BROWSER: 'debian' }, 'linux')).rejects.toThrow('TICKETS_BROWSER is "debian"');
    });
});
