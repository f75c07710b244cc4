import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { MESSAGE } = require('../../scripts/rc-apps-guard') as { MESSAGE: string };

/**
 * `rc-apps deploy` / `rc-apps package` typed in the repository (README, "Install on a real
 * Rocket.Chat"): rc-apps 1.9.0 would compile the folder itself and leave out the npm packages the
 * app bundles, and first rewrite app.json's requiredApiVersion to package.json's apps-engine
 * version. The project's rc-apps (node_modules/.bin/rc-apps, the guard npm ci's postinstall puts
 * there: scripts/rc-apps-guard.js) stops with one line naming `npm run deploy`; rc-apps itself
 * (a global one, or an install without scripts) still fails, but leaves app.json alone.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RC_APPS = path.join('node_modules', '.bin', 'rc-apps');
const RC_APPS_ITSELF = path.join('node_modules', '@rocket.chat', 'apps-cli', 'bin', 'run');
/** What a checkout holds but a clean clone does not (.gitignore), and git's own folder. */
const NOT_COPIED = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

let checkout = '';
let home = '';

/** Every file of the folder (node_modules left out) with a digest of its bytes. */
function snapshot(dir: string, relative = ''): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
        const name = path.join(relative, entry.name);
        if (name === 'node_modules') {
            continue;
        }
        if (entry.isDirectory()) {
            Object.assign(files, snapshot(dir, name));
        } else {
            files[name] = createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex');
        }
    }
    return files;
}

/** Copies the checkout's files as a clean clone has them. */
function copyTree(from: string, to: string, relative = ''): void {
    fs.mkdirSync(path.join(to, relative), { recursive: true });
    for (const entry of fs.readdirSync(path.join(from, relative), { withFileTypes: true })) {
        const name = path.join(relative, entry.name);
        if ((relative === '' && NOT_COPIED.has(entry.name)) || entry.name.endsWith('.log')) {
            continue;
        }
        if (entry.isDirectory()) {
            copyTree(from, to, name);
        } else if (entry.isFile()) {
            fs.copyFileSync(path.join(from, name), path.join(to, name));
        }
    }
}

/** Runs a program of the copy there, as a person would, with a home of its own (no global rc-apps setup). */
function run(program: string, args: ReadonlyArray<string>) {
    const result = spawnSync(process.execPath, [path.join(checkout, program), ...args], {
        cwd: checkout,
        encoding: 'utf8',
        timeout: 30000,
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share'), XDG_CACHE_HOME: path.join(home, '.cache'), FORCE_COLOR: '0' },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
    checkout = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-rc-apps-'));
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-rc-apps-home-'));
    copyTree(ROOT, checkout);
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
});

afterAll(() => {
    fs.rmSync(checkout, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
});

describe('rc-apps in the repository', () => {
    it('is the guard (npm ci\'s postinstall and npm test\'s pretest put it there)', () => {
        const link = fs.readlinkSync(path.join(ROOT, RC_APPS));
        if (path.basename(link) !== 'tickets-guard') {
            throw new Error(`${RC_APPS} points at ${link}, not at the guard: run \`node scripts/rc-apps-guard.js\` (npm ci does)`);
        }
    });

    it.each([
        ['deploy', ['deploy', '--url', 'http://127.0.0.1:1', '--username', 'x', '--password', 'y']],
        ['package', ['package']],
        ['pack', ['pack']],
        ['watch', ['watch']],
    ])('rc-apps %s stops before touching anything, with one line naming npm run deploy', (_name, args) => {
        const before = snapshot(checkout);
        const appJson = fs.readFileSync(path.join(checkout, 'app.json'));

        const { status, output } = run(RC_APPS, args);

        expect(status).not.toBe(0);
        expect(output).toBe(`${MESSAGE}\n`);
        expect(output).toContain('`npm run deploy`');
        expect(fs.readFileSync(path.join(checkout, 'app.json')).equals(appJson)).toBe(true);
        expect(snapshot(checkout)).toEqual(before);
    });

    it('runs rc-apps unchanged for what does not build the app', () => {
        const { status, output } = run(RC_APPS, ['--version']);

        expect(status).toBe(0);
        expect(output).toMatch(/^@rocket\.chat\/apps-cli\/1\.9\.0 /);
    });
});

describe('rc-apps itself in the repository (a global rc-apps, or an install without scripts)', () => {
    it.each([
        ['deploy', ['deploy', '--url', 'http://127.0.0.1:1', '--username', 'x', '--password', 'y']],
        ['package', ['package']],
    ])('rc-apps %s fails, and leaves app.json as it is: package.json\'s apps-engine range starts at app.json\'s requiredApiVersion', (_name, args) => {
        const appJson = fs.readFileSync(path.join(checkout, 'app.json'));

        const { status, output } = run(RC_APPS_ITSELF, args);

        expect(status).not.toBe(0);
        expect(output).not.toMatch(/Updating app\.json/);
        expect(fs.readFileSync(path.join(checkout, 'app.json')).equals(appJson)).toBe(true);
        expect(fs.existsSync(path.join(checkout, 'dist'))).toBe(false);
    });
});
