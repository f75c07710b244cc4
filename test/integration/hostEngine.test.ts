import { AppStatusUtils } from '@rocket.chat/apps-engine/definition/AppStatus';
import { execFileSync } from 'child_process';

import { builtAppPackage } from '../host/appPackage';
import { engineProfile } from '../host/engineProfile';
import { RunningHost, startHost } from '../support/startHost';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS package without typings
const AdmZip = require('adm-zip') as new (zip: Buffer) => { readAsText(entry: string): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { selectedEngine } = require('../../scripts/engines') as { selectedEngine(): { version: string; denoVersion: string } };

/**
 * The host runs the engine ENGINE=<version> selects (scripts/engines.js; `npm run test:engines`
 * runs the suites on each), with the Deno generation Rocket.Chat ships with it, and adapts to it
 * where that engine behaves differently (engineProfile).
 */
describe(`the local Rocket.Chat on Apps-Engine ${engineProfile.version}`, () => {
    let running: RunningHost;

    beforeAll(async () => {
        running = await startHost();
    });

    afterAll(async () => {
        await running.host.stop();
    });

    it('loads the engine ENGINE selects, and runs apps with the Deno that Rocket.Chat ships with it', () => {
        const engine = selectedEngine();
        expect(engineProfile.version).toBe(engine.version);
        // The engine spawns `deno` from PATH (older ones through the host's wrapper, which adds the runtime's config).
        const version = execFileSync('deno', ['--version'], { encoding: 'utf8', env: process.env });
        expect(version.split('\n')[0]).toMatch(new RegExp(`^deno ${engine.denoVersion.replace(/\./g, '\\.')} `));
    });

    it('installs the one zip, which asks for Apps-Engine ^1.47.0, with the status this engine reports after an install', async () => {
        const manifest = JSON.parse(new AdmZip(builtAppPackage()).readAsText('app.json'));
        expect(manifest.requiredApiVersion).toBe('^1.47.0');
        expect(await running.host.appStatus(running.appId)).toBe(engineProfile.statusAfterInstall);
    });

    it('starts the app again after a Rocket.Chat restart, with its settings', async () => {
        const { host, appId } = running;
        await host.setSetting(appId, 'default_department', 'Restart Department');
        await host.reloadEngine();
        expect(AppStatusUtils.isEnabled((await host.appStatus(appId))!)).toBe(true);
        expect(await host.settingValue(appId, 'default_department')).toBe('Restart Department');
        const answer = await host.callApi(appId, { method: 'GET', path: 'secret.check', headers: { Authorization: 'Token anything' } });
        expect(answer.status).toBe(503);
        expect(answer.content).toMatchObject({ error: expect.stringContaining('App Secret') });
    });

    it('hands the app every upload as IMessage.files only from 1.62 on; `file` (the first upload) on every engine', () => {
        const { host } = running;
        const department = host.livechat.createDepartment('Files');
        host.livechat.addAgent('files.agent', [department.id]);
        const visitor = host.livechat.upsertVisitor({ token: 'files-visitor', username: 'files-visitor', name: 'F', department: department.id });
        const room = host.livechat.createRoom(visitor, undefined, undefined);
        const id = host.agentMessage(room.id, 'files.agent', 'two files', [{ name: 'a.pdf', type: 'application/pdf' }, { name: 'b.png', type: 'image/png' }]);
        const message = host.store.messages.get(room.id)!.find((candidate) => candidate.id === id)!;
        expect(message.file?.name).toBe('a.pdf');
        expect('files' in message).toBe(engineProfile.messageFiles);
    });
});
