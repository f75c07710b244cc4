import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { FakePlatforms } from '../fakes/FakePlatforms';
import { builtAppPackage } from '../host/appPackage';
import { FrontDoor } from '../host/FrontDoor';
import { LocalRocketChat } from '../host/LocalRocketChat';
import { INSTANCE_HEADER } from '../host/pinnedHost';
import { addPlaygroundAccounts } from '../host/playgroundSetup';
import { HttpAnswer, httpCall } from './http';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- adm-zip ships no typings (the build scripts use it too)
const AdmZip = require('adm-zip') as new (data: Buffer) => { readAsText(name: string): string; updateFile(name: string, data: Buffer): void; toBuffer(): Buffer };

const ROOT = path.resolve(__dirname, '..', '..');

/** How `npm run deploy` ended: its exit code and what it printed. */
export interface DeployRun {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * A Rocket.Chat to deploy to, as an operator meets one: the local Rocket.Chat (one or more
 * instances) without the app, with the playground's accounts (the admin, and the agent who may
 * not manage apps), its front door on a free port and the fake platforms; `deploy` runs
 * scripts/deploy-app.js against it as a separate process, as `npm run deploy` does.
 */
export class DeployTarget {
    public readonly host: LocalRocketChat;
    public readonly fakes = new FakePlatforms();
    public base = '';
    private readonly door: FrontDoor;
    private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-deploy-'));

    constructor(public readonly appId: string, instances = 1) {
        this.host = new LocalRocketChat({ instances });
        this.door = new FrontDoor(this.host, () => appId, this.fakes);
    }

    public async start(): Promise<void> {
        await this.fakes.start({ rapidpro: 0, gitple: 0, chatday: 0, uchat: 0, closer: 0 });
        await this.host.start();
        addPlaygroundAccounts(this.host);
        this.base = `http://localhost:${await this.door.listen(0)}`;
        this.host.setServerSetting('Site_Url', this.base);
    }

    public async stop(): Promise<void> {
        await this.door.close();
        await this.host.stop();
        await this.fakes.stop();
        fs.rmSync(this.dir, { recursive: true, force: true });
    }

    /** Runs the deploy script against this server with `args` (credentials, `--zip`); resolves when it exits. */
    public deploy(args: ReadonlyArray<string>, timeoutMs = 240000): Promise<DeployRun> {
        return new Promise((resolve) => {
            execFile('node', [path.join(ROOT, 'scripts', 'deploy-app.js'), '--url', this.base, ...args], { cwd: ROOT, timeout: timeoutMs }, (error, stdout, stderr) => {
                resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
            });
        });
    }

    /** The zip `npm run package` built, with app.json's version set to `version`, as a file: what a later release would be. */
    public zipOfVersion(version: string): string {
        const zip = new AdmZip(builtAppPackage());
        const info = JSON.parse(zip.readAsText('app.json')) as { version: string };
        zip.updateFile('app.json', Buffer.from(JSON.stringify({ ...info, version }, null, 4)));
        const file = path.join(this.dir, `tickets_${version}.zip`);
        fs.writeFileSync(file, zip.toBuffer());
        return file;
    }

    /** A call to Rocket.Chat's REST API as `username` (logged in with `password`), optionally pinned to one instance. */
    public async callAs(username: string, password: string, method: string, route: string, instance?: number): Promise<HttpAnswer> {
        const login = await httpCall(`${this.base}/api/v1/login`, { method: 'POST', body: { user: username, password } });
        const headers: Record<string, string> = { 'X-User-Id': login.json.data.userId, 'X-Auth-Token': login.json.data.authToken };
        if (instance !== undefined) {
            headers[INSTANCE_HEADER] = String(instance);
        }
        return httpCall(`${this.base}${route}`, { method, headers });
    }
}
