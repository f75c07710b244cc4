import { IHttpResponse, RequestMethod } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IProcessor } from '@rocket.chat/apps-engine/definition/scheduler';
import { IHttpBridgeRequestInfo } from '@rocket.chat/apps-engine/server/bridges/HttpBridge';
import { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';
import * as http from 'http';
import { gzipSync } from 'zlib';

import { RecordingServer } from '../fakes/RecordingServer';
import { HostHttpBridge } from '../host/bridges/HostHttpBridge';
import { HostPersistenceBridge } from '../host/bridges/HostPersistenceBridge';
import { HostSchedulerBridge } from '../host/bridges/HostSchedulerBridge';
import { HostErrors, takeUnexpectedHostErrors } from '../host/HostErrors';
import { HostStore } from '../host/HostStore';
import { BODY_LIMIT, parseAppRequestBody } from '../host/parseAppRequestBody';
import { watchEventHandlerErrors } from '../host/watchEventHandlerErrors';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * The local Rocket.Chat's edges behave like the real server's (rocketchat-server.md items 11,
 * 15, 19, 20) and it is honest: the app's exceptions are collected, and fake receivers record
 * every attempt with the answer the caller got.
 */

class OpenHttpBridge extends HostHttpBridge {
    public send(info: IHttpBridgeRequestInfo): Promise<IHttpResponse> {
        return this.call(info);
    }
}

class OpenPersistenceBridge extends HostPersistenceBridge {
    public add(data: object, associations: Array<RocketChatAssociationRecord>): Promise<string> {
        return this.createWithAssociations(data, associations, 'app');
    }

    public change(associations: Array<RocketChatAssociationRecord>, data: object, upsert: boolean): Promise<string> {
        return this.updateByAssociations(associations, data, upsert, 'app');
    }

    public find(associations: Array<RocketChatAssociationRecord>): Promise<Array<object>> {
        return this.readByAssociations(associations, 'app');
    }
}

class OpenSchedulerBridge extends HostSchedulerBridge {
    public register(processors: Array<IProcessor>): Promise<void | Array<string>> {
        return this.registerProcessors(processors, 'app');
    }

    public once(id: string): Promise<void | string> {
        return this.scheduleOnce({ id, when: new Date() }, 'app');
    }
}

const key = (id: string) => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);

describe('HTTP out (item 15: data only for JSON content types)', () => {
    const server = new RecordingServer();
    const bridge = new OpenHttpBridge();
    const get = (path: string, timeout?: number) => bridge.send({ appId: 'app', method: 'GET' as RequestMethod, url: `${server.origin}${path}`, request: { timeout } });

    beforeAll(() => server.start());
    afterAll(() => server.stop());

    it.each([
        ['application/json', { a: 1 }],
        ['application/json; charset=utf-8', { a: 1 }],
        ['text/javascript', { a: 1 }],
        ['text/plain', null],
        ['text/html; charset=utf-8', null],
        ['Application/JSON', null],
    ])('%s → data %j, content always the text', async (type, data) => {
        server.route(`/typed`, () => ({ status: 200, body: { a: 1 }, headers: { 'content-type': type } }));
        const response = await get('/typed');
        expect(response.data).toEqual(data);
        expect(response.content).toBe('{"a":1}');
    });

    it('gives data null for a JSON content type with a body that is not JSON', async () => {
        server.route('/broken', () => ({ status: 502, body: undefined, headers: { 'content-type': 'application/json' } }));
        const response = await get('/broken');
        expect(response.statusCode).toBe(502);
        expect(response.data).toBeNull();
    });

    it('rejects on a timeout and on a refused connection, and records how each call ended', async () => {
        server.behaviour = { kind: 'hang', ms: 1000 };
        await expect(get('/slow', 100)).rejects.toThrow();
        server.behaviour = { kind: 'ok' };
        const down = new RecordingServer();
        await down.start();
        const origin = down.origin;
        await down.stop();
        await expect(bridge.send({ appId: 'app', method: 'POST' as RequestMethod, url: `${origin}/x`, request: { content: '{}' } })).rejects.toThrow();
        expect(bridge.calls.slice(-2).map((call) => call.outcome)).toEqual(['timeout', 'refused']);
    });
});

describe('persistence (item 20: updateByAssociations)', () => {
    it('with upsert off and no record with exactly these associations, does nothing and throws nothing', async () => {
        const bridge = new OpenPersistenceBridge(new HostStore());
        await bridge.add({ v: 1 }, [key('a'), key('b')]);
        expect(await bridge.change([key('a')], { v: 2 }, false)).toBe('');
        expect(await bridge.change([key('missing')], { v: 3 }, false)).toBe('');
        expect(await bridge.find([key('a')])).toEqual([{ v: 1 }]);
        expect(await bridge.find([key('missing')])).toEqual([]);
    });

    it('updates the first record with exactly these associations, and inserts with upsert on', async () => {
        const bridge = new OpenPersistenceBridge(new HostStore());
        await bridge.add({ v: 'first' }, [key('a'), key('b')]);
        await bridge.add({ v: 'second' }, [key('a'), key('b')]);
        await bridge.change([key('a'), key('b')], { v: 'changed' }, false);
        expect(await bridge.find([key('a'), key('b')])).toEqual([{ v: 'changed' }, { v: 'second' }]);
        await bridge.change([key('c')], { v: 'new' }, true);
        expect(await bridge.find([key('c')])).toEqual([{ v: 'new' }]);
    });
});

describe('request bodies (item 19: what the router hands the app)', () => {
    const headers = (type: string | undefined, length: number, extra: http.IncomingHttpHeaders = {}): http.IncomingHttpHeaders => ({ ...(type ? { 'content-type': type } : {}), 'content-length': String(length), ...extra });
    const parse = (raw: string, type?: string, extra?: http.IncomingHttpHeaders) => parseAppRequestBody(Buffer.from(raw), headers(type, Buffer.byteLength(raw), extra));

    it('parses JSON only for application/json (any charset parameter, any case)', () => {
        expect(parse('{"a":1}', 'application/json')).toEqual({ ok: true, content: { a: 1 } });
        expect(parse('{"a":1}', 'Application/JSON; charset=utf-8')).toEqual({ ok: true, content: { a: 1 } });
        expect(parse('[1]', 'application/json')).toEqual({ ok: true, content: [1] });
    });

    it('hands {} for any other content type or none, and for no body', () => {
        for (const type of ['text/plain', 'text/json', 'application/vnd.api+json', 'multipart/form-data; boundary=x', undefined]) {
            expect(parse('{"a":1}', type)).toEqual({ ok: true, content: {} });
        }
        expect(parseAppRequestBody(Buffer.alloc(0), { 'content-type': 'application/json' })).toEqual({ ok: true, content: {} });
        expect(parse('', 'application/json')).toEqual({ ok: true, content: {} });
    });

    it('parses form fields as flat strings', () => {
        expect(parse('a=1&b=two%20words', 'application/x-www-form-urlencoded')).toEqual({ ok: true, content: { a: '1', b: 'two words' } });
    });

    it('refuses before the app: strict JSON (400), a charset other than utf-* (415), more than 100 kB (413)', () => {
        expect(parse('"text"', 'application/json')).toMatchObject({ ok: false, status: 400 });
        expect(parse('42', 'application/json')).toMatchObject({ ok: false, status: 400 });
        expect(parse('{nope', 'application/json')).toMatchObject({ ok: false, status: 400 });
        expect(parse('{}', 'application/json; charset=latin1')).toMatchObject({ ok: false, status: 415 });
        const big = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT) });
        expect(parse(big, 'application/json')).toMatchObject({ ok: false, status: 413 });
        expect(parse(big, 'text/plain')).toEqual({ ok: true, content: {} });
    });

    it('reads gzip bodies as body-parser inflates them', () => {
        const raw = gzipSync(Buffer.from('{"zipped":true}'));
        expect(parseAppRequestBody(raw, headers('application/json', raw.length, { 'content-encoding': 'gzip' }))).toEqual({ ok: true, content: { zipped: true } });
    });
});

describe('through the front door, with the app', () => {
    const world = new RapidProWorld();
    beforeAll(() => world.start());
    afterAll(() => world.stop());

    it('answers more than 100 kB with 413 from Rocket.Chat, before the app', async () => {
        const calls = () => world.host.logs.entries.filter((entry) => entry.appId === world.appId && entry.method.includes('visitor-message')).length;
        const before = calls();
        const answer = await world.call('POST', 'visitor-message', { visitor: { token: 'x' }, text: 'x'.repeat(200 * 1024) });
        expect(answer.status).toBe(413);
        expect(answer.headers['content-type']).toMatch(/text\/html/);
        expect(calls()).toBe(before);
        // (the engine does log every call that reaches the app)
        await world.call('POST', 'visitor-message', { visitor: { token: 'x' }, text: 'small' });
        expect(calls()).toBeGreaterThan(before);
    });

    it('answers an endpoint call without waiting for the events it caused (item 11)', async () => {
        await world.openTicket('events-not-awaited', '92001');
        world.host.events.hold();
        try {
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '92001' }, text: 'the answer comes first' });
            expect(answer.status).toBe(201);
            expect(world.host.events.pendingCount()).toBeGreaterThan(0);
        } finally {
            world.host.events.resume();
        }
        await world.host.events.settle();
        expect(world.host.events.pendingCount()).toBe(0);
    });

    it('answers an unknown path 404 and a rejected call 500 text', async () => {
        expect((await world.call('GET', 'no-such-path')).status).toBe(404);
        const rejected = await world.call('PROPFIND', 'secret.check', undefined, { Authorization: `Token ${SECRET}` });
        expect(rejected.status).toBe(500);
        expect(rejected.headers['content-type']).toMatch(/text\/plain/);
    });
});

describe('host honesty', () => {
    it('collects what an app event handler throws (the engine only prints it), never a handler the app lacks', async () => {
        const errors = new HostErrors();
        const failures: Record<string, unknown> = {
            'app:executePostMessageSent': Object.assign(new Error('handler blew up'), { code: -32603 }),
            'app:checkPostMessageSent': Object.assign(new Error('method not found'), { code: -32601 }),
            'api:status': new Error('endpoint failure, answered 500 to its caller'),
        };
        const runtime = {
            sendRequest: async (message: { method: string }) => {
                throw failures[message.method];
            },
        };
        watchEventHandlerErrors({ getRuntimeController: () => runtime } as unknown as ProxiedApp, errors);
        for (const method of Object.keys(failures)) {
            await expect(runtime.sendRequest({ method })).rejects.toBe(failures[method]);
        }
        expect(errors.all().map((error) => `${error.where}: ${error.message}`)).toEqual(['executePostMessageSent: handler blew up']);
        errors.expect(/handler blew up/);
        expect(errors.takeUnexpected()).toEqual([]);
    });

    it('collects a failing scheduler job, and reports errors no test expected', async () => {
        const errors = new HostErrors();
        const scheduler = new OpenSchedulerBridge(new HostStore().schedulerJobs, errors);
        await scheduler.register([{ id: 'breaks_app', processor: async () => Promise.reject(new Error('job blew up')) }]);
        await scheduler.once('breaks_app');
        await waitFor('the failure', () => errors.all().length === 1);
        await scheduler.stop();
        expect(errors.all()[0]).toEqual(expect.objectContaining({ where: 'job breaks_app', message: 'job blew up' }));
        expect(takeUnexpectedHostErrors()).toContain('job breaks_app: job blew up');
        expect(takeUnexpectedHostErrors()).toBe('');
    });

    it('fake receivers record every attempt with the answer the caller got', async () => {
        const receiver = new RecordingServer();
        await receiver.start();
        const post = (timeout: number) => fetch(`${receiver.origin}/in`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(timeout) }).then((response) => response.status, () => 'gave up');
        try {
            expect(await post(2000)).toBe(200);
            receiver.behaviour = { kind: 'status', status: 503 };
            expect(await post(2000)).toBe(503);
            receiver.behaviour = { kind: 'hang', ms: 600 };
            expect(await post(100)).toBe('gave up');
            expect(await post(2000)).toBe(200);
            await waitFor('the abandoned attempt to be answered', () => receiver.attempts.every((attempt) => attempt.answer !== 'pending'));
            expect(receiver.attempts.map((attempt) => attempt.answer)).toEqual(['ok', 'status', 'hang', 'ok']);
            expect(receiver.delivered()).toHaveLength(2);
            expect(receiver.received).toHaveLength(1);
        } finally {
            await receiver.stop();
        }
    });
});
