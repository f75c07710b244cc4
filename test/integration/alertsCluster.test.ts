import { ChatRooms } from '../host/ChatRooms';
import { ALERTS, GREETING, postsIn } from '../support/alertRoom';
import { HttpAnswer, httpCall } from '../support/http';
import { RapidProWorld } from '../support/RapidProWorld';
import { RunningPlayground, startPlayground } from '../support/startPlayground';
import { waitFor } from '../support/waitFor';

/**
 * Alerts with several Rocket.Chat instances (one alert per condition, whichever instance runs
 * the alert job) and in the playground `npm start` runs (its channel "alerts").
 */
describe.each([2, 3])('alerts with %i Rocket.Chat instances', (instances) => {
    const cluster = new RapidProWorld(instances);
    let ticketRoom = '';

    const posts = (): Array<string> => postsIn(cluster.host, ALERTS);
    const parkedTotal = async (): Promise<number> => (await cluster.call('GET', 'status')).json.parked.total;

    beforeAll(async () => {
        await cluster.start();
        new ChatRooms(cluster.host.store).create({ name: ALERTS, type: 'c', creator: 'rocket.cat' });
        await cluster.settings({ alert_room: ALERTS });
        ticketRoom = await cluster.openTicket(`alerts-cluster-${instances}`, `96000${instances}`);
    });
    afterAll(() => cluster.stop());

    it('evaluates the conditions in one job, whichever instance runs it: the greeting, the alert and its line each posted once', async () => {
        expect(cluster.host.store.schedulerJobs.find({ name: `alerts_${cluster.appId}` })).toHaveLength(1);
        cluster.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'ticket is closed' } };
        cluster.host.agentMessage(ticketRoom, 'agent', 'parked in a cluster');
        await waitFor('the parked item', async () => (await parkedTotal()) === 1);
        const runners: Array<string> = [];
        for (let instance = 0; instance < instances; instance++) {
            runners.push(await cluster.host.on(instance).runJobNow(cluster.appId, 'alerts'));
        }
        expect(runners).toEqual(Array.from({ length: instances }, (_, instance) => `instance-${instance}`));
        // Every instance polling at the same moment: one of them runs it, one run at a time.
        for (let round = 0; round < 3; round++) {
            await cluster.host.runJobNow(cluster.appId, 'alerts');
        }
        expect(posts()).toEqual([GREETING, expect.stringMatching(/^:warning: \*RapidPro\*: a delivery was parked\. 1 delivery is parked now; /)]);
        cluster.rapidpro.behaviour = { kind: 'ok' };
        expect((await cluster.call('POST', 'outbox.retry', { source: 'rapidpro' })).json).toEqual({ retried: 1, remaining: 0 });
        await cluster.outboxIdle();
        for (let instance = instances - 1; instance >= 0; instance--) {
            await cluster.host.on(instance).runJobNow(cluster.appId, 'alerts');
        }
        expect(posts().slice(2)).toEqual([':white_check_mark: *RapidPro*: no delivery is parked any more.']);
    });
});

describe('the playground (npm start): the channel "alerts"', () => {
    let playground: RunningPlayground;
    const call = (method: string, path: string, body?: unknown): Promise<HttpAnswer> => httpCall(`${playground.base}${path}`, { method, body });
    const appCall = async (method: string, path: string, body?: unknown) => (await call('POST', '/host/app-call', { as: 'rapidpro', method, path, body })).json;
    const alertTexts = async (): Promise<Array<string>> => (await call('GET', '/host/channels/alerts/messages')).json.map((message: { text: string }) => message.text);

    beforeAll(async () => {
        playground = await startPlayground();
    });
    afterAll(() => playground.stop());

    it('shows a reply the fake RapidPro refused, with its retry line, and the recovery line after a retry', async () => {
        expect((await call('GET', '/host/channels')).json).toEqual([{ id: expect.any(String), name: 'alerts', type: 'c', readOnly: false, archived: false, members: ['rocket.cat'] }]);
        const opened = await appCall('GET', 'room', { visitor: { token: '970001', name: 'Ana' }, ticketID: 'playground-alerts-1' });
        expect(opened.status).toBe(201);
        expect((await call('PUT', '/host/receivers/rapidpro/answer', { status: 400 })).status).toBe(200);
        expect((await call('POST', `/host/rooms/${opened.body.id}/agent-message`, { username: 'agent', text: 'refused by the fake RapidPro' })).status).toBe(201);
        await waitFor('the parked reply', async () => (await appCall('GET', 'status')).body.parked.total === 1);
        await playground.host.runJobNow(playground.appId, 'alerts');
        const parked = (await alertTexts()).filter((text) => text.startsWith(':warning: *RapidPro*'));
        expect(parked).toEqual([expect.stringContaining('refused by the receiver: HTTP 400: the playground made the fake rapidpro answer 400. Once the receiver is fixed, send them again with `/tickets retry rapidpro`')]);
        expect((await alertTexts()).filter((text) => text === GREETING)).toHaveLength(1);
        const [posted] = (await call('GET', '/host/channels/alerts/messages')).json;
        expect(posted).toEqual(expect.objectContaining({ sender: 'tickets.bot', senderType: 'app' }));
        expect((await call('PUT', '/host/receivers/rapidpro/answer', { status: 200 })).status).toBe(200);
        expect((await appCall('POST', 'outbox.retry', { source: 'rapidpro' })).body).toEqual({ retried: 1, remaining: 0 });
        await waitFor('the reply delivered', async () => (await appCall('GET', 'status')).body.sources.every((source: { outbox: { queued: number } }) => source.outbox.queued === 0));
        await playground.host.runJobNow(playground.appId, 'alerts');
        expect((await alertTexts()).slice(-1)).toEqual([':white_check_mark: *RapidPro*: no delivery is parked any more.']);
    });

    it('answers the channel routes\' mistakes with a JSON 4xx naming them', async () => {
        const refused = async (answer: Promise<HttpAnswer>, status: number, what: string) => {
            const { status: got, json } = await answer;
            expect({ status: got, error: json?.error }).toEqual({ status, error: expect.stringContaining(what) });
        };
        await refused(call('POST', '/host/channels', { name: 'alerts' }), 400, 'error-duplicate-channel-name');
        await refused(call('POST', '/host/channels', { name: 'two words' }), 400, 'error-invalid-room-name');
        await refused(call('POST', '/host/channels', { name: 'ops', type: 'd' }), 400, '"type" must be');
        await refused(call('POST', '/host/channels', {}), 400, '"name" is required');
        await refused(call('POST', '/host/channels', { name: 'ops', members: ['nobody'] }), 404, 'no user "nobody"');
        await refused(call('GET', '/host/channels/nope/messages'), 404, 'no channel or private group "nope"');
        const created = await call('POST', '/host/channels', { name: 'ops', type: 'p', members: ['agent'], readOnly: true });
        expect(created.status).toBe(201);
        expect(created.json).toEqual(expect.objectContaining({ name: 'ops', type: 'p', readOnly: true, members: ['rocket.cat', 'agent'] }));
        expect((await call('GET', '/host/channels/ops/messages')).json).toEqual([]);
    });
});
