import * as fs from 'fs';
import * as path from 'path';

import { DEMO } from '../fakes/demoCredentials';
import { RAPIDPRO_CALLBACK_PATH } from '../fakes/FakeRapidPro';
import { PLAYGROUND_ACCOUNTS, setUpPlayground } from '../host/playgroundSetup';
import { DeployTarget } from '../support/DeployTarget';
import { httpCall } from '../support/http';
import { waitFor } from '../support/waitFor';

/**
 * `npm run deploy` (scripts/deploy-app.js: rc-apps' deploy code as the client) run as a process
 * against the local Rocket.Chat's deploy API (login, app lookup, install, update: Rocket.Chat 7.x
 * and 8.x's own routes, see test/host/api/RestApi.ts): the first install, an update in place over
 * a working installation, and every refusal, each with the server's reason and nothing changed.
 */
const APP_JSON = path.resolve(__dirname, '..', '..', 'app.json');
const appJsonBefore = fs.readFileSync(APP_JSON);
const APP_ID = (JSON.parse(appJsonBefore.toString('utf8')) as { id: string }).id;
const VERSION = (JSON.parse(appJsonBefore.toString('utf8')) as { version: string }).version;
const ENABLED = ['auto_enabled', 'manually_enabled'];
const NOT_PERMITTED = 'User does not have the permissions required for this action [error-unauthorized]';

const admin = ['--username', PLAYGROUND_ACCOUNTS.admin, '--password', DEMO.adminPassword];
const agent = ['--username', PLAYGROUND_ACCOUNTS.agent, '--password', DEMO.agentPassword];
const wrongPassword = ['--username', PLAYGROUND_ACCOUNTS.admin, '--password', 'not-the-password'];

/** The app as `GET /api/apps/:id` shows it to the admin (pinned to one instance when given). */
async function appOnServer(target: DeployTarget, instance?: number): Promise<{ status: number; app?: { version: string; status: string } }> {
    const answer = await target.callAs(PLAYGROUND_ACCOUNTS.admin, DEMO.adminPassword, 'GET', `/api/apps/${APP_ID}`, instance);
    return { status: answer.status, app: answer.json.app };
}

afterAll(() => {
    expect(fs.readFileSync(APP_JSON).equals(appJsonBefore)).toBe(true);
});

describe('a Community workspace (no license): Rocket.Chat 7.0 and later', () => {
    const target = new DeployTarget(APP_ID);

    beforeAll(async () => {
        await target.start();
        expect((await httpCall(`${target.base}/host/workspace`, { method: 'PUT', body: { license: 'community' } })).json).toEqual({ license: 'community' });
    });
    afterAll(() => target.stop());

    it('installs the app but leaves it disabled: the deploy fails, saying why', async () => {
        const run = await target.deploy([...admin, '--zip', target.zipOfVersion(VERSION)]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(`Installed Tickets ${VERSION}, but it is not enabled`);
        expect(run.stderr).toContain('without a license (Community)');
        const { app } = await appOnServer(target);
        expect(app?.version).toBe(VERSION);
        expect(ENABLED).not.toContain(app?.status);
    });

    it('refuses the update with the server\'s reason, Cannot_Update_Exempt_App; the app stays as it was', async () => {
        const before = await appOnServer(target);
        const run = await target.deploy([...admin, '--zip', target.zipOfVersion('99.0.1')]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('The server refused the update: Deployment error: Cannot_Update_Exempt_App');
        expect(await appOnServer(target)).toEqual(before);
    });
});

describe('a licensed workspace of two instances', () => {
    const target = new DeployTarget(APP_ID, 2);
    const api = (route: string, options: Parameters<typeof httpCall>[1] = {}) => httpCall(`${target.base}${route}`, options);

    beforeAll(() => target.start());
    afterAll(() => target.stop());

    describe('Rocket.Chat\'s deploy API', () => {
        it('says which Rocket.Chat it is and logs users in as the server does', async () => {
            expect((await api('/api/info')).json).toEqual({ version: expect.stringMatching(/^\d+\.\d+$/), success: true });
            const login = await api('/api/v1/login', { method: 'POST', body: { username: PLAYGROUND_ACCOUNTS.admin, password: DEMO.adminPassword } });
            expect(login.json).toEqual({ status: 'success', data: { userId: expect.any(String), authToken: expect.any(String), me: expect.objectContaining({ username: 'admin', roles: expect.arrayContaining(['admin']) }) }, success: true });
            const me = await api('/api/v1/me', { headers: { 'X-User-Id': login.json.data.userId, 'X-Auth-Token': login.json.data.authToken } });
            expect(me.json).toEqual(expect.objectContaining({ _id: login.json.data.userId, username: 'admin', success: true }));
        });

        it('refuses a wrong password, a bad token and a user without manage-apps with the server\'s answers', async () => {
            const refused = await api('/api/v1/login', { method: 'POST', body: { user: PLAYGROUND_ACCOUNTS.admin, password: 'nope' } });
            expect({ status: refused.status, body: refused.json }).toEqual({ status: 401, body: { success: false, status: 'error', error: 'Unauthorized', message: 'Unauthorized' } });
            const unknown = await api('/api/v1/login', { method: 'POST', body: { user: 'nobody', password: 'nope' } });
            expect(unknown.json).toEqual(refused.json);
            const badToken = await api('/api/v1/me', { headers: { 'X-User-Id': 'someone', 'X-Auth-Token': 'nope' } });
            expect({ status: badToken.status, body: badToken.json }).toEqual({ status: 401, body: { success: false, status: 'error', error: 'You must be logged in to do this.', message: 'You must be logged in to do this.' } });
            expect((await api('/api/apps', { method: 'POST' })).status).toBe(401);
            const asAgent = await target.callAs(PLAYGROUND_ACCOUNTS.agent, DEMO.agentPassword, 'GET', `/api/apps/${APP_ID}`);
            expect({ status: asAgent.status, body: asAgent.json }).toEqual({ status: 403, body: { success: false, error: NOT_PERMITTED } });
            expect(await appOnServer(target)).toEqual({ status: 404, app: undefined });
            expect((await target.callAs(PLAYGROUND_ACCOUNTS.admin, DEMO.adminPassword, 'GET', `/api/apps/${APP_ID}`)).json).toEqual({ success: false, error: `No App found by the id of: ${APP_ID}` });
        });
    });

    it('a deploy with a wrong password or as the agent exits non-zero with the server\'s reason, installing nothing', async () => {
        const zip = target.zipOfVersion(VERSION);
        const wrong = await target.deploy([...wrongPassword, '--zip', zip]);
        expect(wrong.code).toBe(1);
        expect(wrong.stderr).toContain('The server refused the login of "admin": Unauthorized (HTTP 401)');
        const notAdmin = await target.deploy([...agent, '--zip', zip]);
        expect(notAdmin.code).toBe(1);
        expect(notAdmin.stderr).toContain(`${NOT_PERMITTED} (HTTP 403)`);
        expect((await appOnServer(target)).status).toBe(404);
    });

    it('installs the app `npm run package` builds: not on the server (404), so POST /api/apps, enabled on every instance', async () => {
        const run = await target.deploy(admin);
        // (A rebuild prints rc-apps' progress on stderr.)
        expect({ code: run.code, failed: run.stderr.includes('Deploy failed') }).toEqual({ code: 0, failed: false });
        expect(run.stdout).toContain(`Installing Tickets ${VERSION}`);
        expect(run.stdout).toContain(`Installed Tickets ${VERSION}: enabled.`);
        for (const instance of [0, 1]) {
            expect((await appOnServer(target, instance)).app).toEqual(expect.objectContaining({ id: APP_ID, version: VERSION, status: expect.stringMatching(/enabled$/) }));
        }
    }, 300000);

    it('updates in place: settings, the open ticket and a queued delivery survive; every instance runs the new version', async () => {
        const { host, fakes } = target;
        await setUpPlayground(host, APP_ID, fakes.origins());
        await host.setSetting(APP_ID, 'delivery_retry_base_seconds', 1);
        await host.setSetting(APP_ID, 'delivery_retry_max_seconds', 2);
        const call = (method: string, endpoint: string, body: unknown) => api(`/api/apps/public/${APP_ID}/${endpoint}`, { method, body, headers: { Authorization: `Token ${DEMO.appSecret}` } });
        const ticket = await call('GET', 'room', { visitor: { token: 'deploy-contact', name: 'Ana' }, ticketID: 'deploy-1' });
        expect(ticket.status).toBe(201);
        fakes.rapidpro.behaviour = { kind: 'status', status: 503 };
        host.agentMessage(ticket.json.id, PLAYGROUND_ACCOUNTS.agent, 'Sent while RapidPro is down, delivered after the update');
        await waitFor('RapidPro answering 503 to the reply', () => fakes.rapidpro.attempts.some((attempt) => attempt.status === 503 && attempt.request.body?.type === 'agent-message'), 20000);
        const settings = ['app_secret', 'default_department', 'chatday_token', 'delivery_retry_base_seconds'];
        const before = await Promise.all(settings.map((id) => host.settingValue(APP_ID, id)));
        // The update replaces the app's runtime under its scheduler jobs, as on a real server (the
        // engine's code): a run caught in flight is never answered and fails at the runtime timeout
        // (30 s; engines before 1.62 say no time), holding its job until then; a run due while the old
        // runtime is gone and the new one not yet in place fails at once. Recurring jobs run again;
        // the delivery goes out then.
        host.errors.expect(/^job [\w-]+_\S+: (.*timed out( after \d+ms)?|No process configured to receive a message)$/);

        const run = await target.deploy([...admin, '--zip', target.zipOfVersion('99.0.0')]);
        expect(run.stdout).toContain(`Updating Tickets ${VERSION} to 99.0.0`);
        expect(run.stdout).toContain(`Updated Tickets from ${VERSION} to 99.0.0: enabled; its settings and data are kept.`);
        expect(run.code).toBe(0);

        for (const instance of [0, 1]) {
            expect((await appOnServer(target, instance)).app).toEqual(expect.objectContaining({ version: '99.0.0', status: expect.stringMatching(/enabled$/) }));
            expect(await Promise.all(settings.map((id) => host.on(instance).settingValue(APP_ID, id)))).toEqual(before);
        }
        const contact = await call('POST', 'visitor-message', { visitor: { token: 'deploy-contact' }, text: 'Written after the update' });
        expect(contact.status).toBe(201);
        expect(host.store.roomMessages(ticket.json.id).map((message) => message.text)).toContain('Written after the update');
        fakes.rapidpro.behaviour = { kind: 'ok' };
        await waitFor('the queued reply delivered', () => fakes.rapidpro.delivered(RAPIDPRO_CALLBACK_PATH).some((request) => request.body?.data?.text === 'Sent while RapidPro is down, delivered after the update'), 60000);
        await waitFor('no job run left on the replaced runtime', () => host.scheduledJobs(APP_ID).every((job) => !job.lockedAt), 40000);
    }, 150000);

    it('a refused deploy leaves the installed app as it was', async () => {
        const before = await appOnServer(target);
        const zip = target.zipOfVersion('99.0.2');
        expect((await target.deploy([...wrongPassword, '--zip', zip])).code).toBe(1);
        expect((await target.deploy([...agent, '--zip', zip])).code).toBe(1);
        expect(await appOnServer(target)).toEqual(before);
        expect(before.app?.version).toBe('99.0.0');
    });
});
