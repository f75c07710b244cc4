import * as http from 'http';

import { DEMO } from '../fakes/demoCredentials';
import { engineProfile } from '../host/engineProfile';
import { FrontDoor } from '../host/FrontDoor';
import { HttpAnswer,httpCall } from '../support/http';
import { RunningHost, startHost } from '../support/startHost';
import { RunningPlayground, startPlayground } from '../support/startPlayground';

/** The routes the web console works through: its files, the change feed, the app and calls to it, the login, the fake receivers. */
let playground: RunningPlayground;

const call = (method: string, path: string, body?: unknown): Promise<HttpAnswer> => httpCall(`${playground.base}${path}`, { method, body });

function expectRefusal(answer: HttpAnswer, status: number, what: RegExp | string): void {
    expect({ status: answer.status, error: answer.json?.error }).toEqual({ status, error: expect.stringMatching(what) });
}

/** The first `count` server-sent events of GET /host/events, as {event, data}. */
function readEvents(url: string, count: number, meanwhile: () => Promise<void>): Promise<Array<{ event: string; data: unknown }>> {
    return new Promise((resolve, reject) => {
        const events: Array<{ event: string; data: unknown }> = [];
        const request = http.get(url, (res) => {
            expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
            let buffer = '';
            res.on('data', (chunk: Buffer) => {
                buffer += chunk.toString('utf8');
                let end: number;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                    const block = buffer.slice(0, end);
                    buffer = buffer.slice(end + 2);
                    const event = /^event: (.*)$/m.exec(block)?.[1];
                    const data = /^data: (.*)$/m.exec(block)?.[1];
                    if (event) {
                        events.push({ event, data: data ? JSON.parse(data) : undefined });
                    }
                    if (events.length === 1) {
                        meanwhile().catch(reject);
                    }
                    if (events.length === count) {
                        request.destroy();
                        resolve(events);
                    }
                }
            });
        });
        request.on('error', (error) => (events.length === count ? undefined : reject(error)));
    });
}

beforeAll(async () => {
    playground = await startPlayground();
});

afterAll(async () => {
    await playground.stop();
});

describe('the console\'s files', () => {
    it('serves the page at / and its files under /console/, nothing else', async () => {
        const page = await call('GET', '/');
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(page.text).toContain('<script type="module" src="/console/js/main.js"></script>');
        const script = await call('GET', '/console/js/main.js');
        expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
        expect((await call('GET', '/console/console.css')).headers['content-type']).toBe('text/css; charset=utf-8');
        expect((await call('GET', '/console/emoji.json')).json).toEqual(expect.objectContaining({ wave: '👋', thumbsup: '👍', slight_smile: '🙂' }));
        expect((await call('GET', '/console/../FrontDoor.ts')).status).toBe(404);
        expect((await call('GET', '/console/%2e%2e/FrontDoor.ts')).status).toBe(404);
        expect((await call('GET', '/console/js/nothing.js')).status).toBe(404);
    });
});

describe('GET /host/events', () => {
    it('starts with every topic, then names what changed: a room\'s new message, an agent going offline', async () => {
        const room = (await call('POST', '/host/app-call', { as: 'rapidpro', path: 'room', body: { visitor: { token: '30001', name: 'Feed' }, ticketID: 't-feed' } })).json.body.id;
        const events = await readEvents(`${playground.base}/host/events`, 3, async () => {
            await call('POST', `/host/rooms/${room}/agent-message`, { username: 'agent', text: 'hello' });
            await new Promise((resolve) => setTimeout(resolve, 600));
            await call('PUT', '/host/agents/agent/status', { online: false });
        });
        await call('PUT', '/host/agents/agent/status', { online: true });
        expect(events[0]).toEqual({ event: 'change', data: { topics: ['rooms', 'omnichannel', 'settings', 'logs', 'receivers'] } });
        expect((events[1].data as { topics: Array<string> }).topics).toContain('rooms');
        const later = events.slice(1).flatMap((event) => (event.data as { topics: Array<string> }).topics);
        expect(later).toContain('omnichannel');
    });
});

describe('GET /host/app and POST /host/app-call', () => {
    it('tell which app runs on which engine, with its endpoints', async () => {
        const app = await call('GET', '/host/app');
        // The status an install leaves differs by engine (engineProfile.statusAfterInstall).
        expect(app.json).toEqual({ id: playground.appId, status: engineProfile.statusAfterInstall, engine: expect.any(String), instances: 1, endpoints: expect.arrayContaining(['status', 'room', 'visitor-message', 'chatday', 'closer']) });
    });

    it('call the app with the caller\'s credentials from the app\'s settings and hand back its answer, never a secret', async () => {
        const status = await call('POST', '/host/app-call', { as: 'rapidpro', method: 'GET', path: 'status' });
        expect(status.status).toBe(200);
        expect(status.json.status).toBe(200);
        expect(status.json.body.sources.map((source: { source: string }) => source.source)).toEqual(['rapidpro', 'gitple', 'chatday', 'uchat', 'closer']);
        const chatday = await call('POST', '/host/app-call', { as: 'chatday', path: 'chatday', body: { chat_id: 'chat-api', message: { id: 'cd-api-1', type: 'text', data: 'hi' } } });
        expect(chatday.json).toEqual({ status: 200, body: { status: 'SUCCESS' } });
        const closer = await call('POST', '/host/app-call', { as: 'closer', path: 'closer', body: { type: 'friend_added', botId: 'b', timestamp: new Date().toISOString(), endUserId: 'e' } });
        expect(closer.json).toEqual({ status: 200, body: { status: 'ok' } });
        const gitple = await call('POST', '/host/app-call', { as: 'gitple', path: 'gitple', body: { triggerId: 'trg-api', ctime: new Date().toISOString(), appCode: DEMO.gitpleAppCode, type: 'unknown_event' } });
        expect(gitple.json.status).toBe(200);
        // The app's own refusal comes back as the app's answer.
        const refused = await call('POST', '/host/app-call', { as: 'rapidpro', path: 'visitor-message', body: { visitor: { token: 'nobody' }, text: 'x' } });
        expect(refused.json.status).toBe(404);
        for (const answer of [status, chatday, closer, gitple, refused]) {
            for (const secret of Object.values(DEMO)) {
                expect(answer.text).not.toContain(secret);
            }
        }
    });

    it('refuse a bad call with a 4xx naming the problem', async () => {
        expectRefusal(await call('POST', '/host/app-call', { path: 'status' }), 400, /"as" is required/);
        expectRefusal(await call('POST', '/host/app-call', { as: 'admin', path: 'status' }), 400, /"as" must be one of rapidpro, chatday, gitple, closer/);
        expectRefusal(await call('POST', '/host/app-call', { as: 'rapidpro', method: 'PATCH', path: 'status' }), 400, /"method" must be one of/);
        expectRefusal(await call('POST', '/host/app-call', { as: 'rapidpro', path: 'no-such-endpoint' }), 404, /the app has no endpoint "no-such-endpoint"/);
        expectRefusal(await call('POST', '/host/app-call', { as: 'rapidpro', path: 'status', query: { a: 1 } }), 400, /"query" must be an object of strings/);
        expectRefusal(await call('GET', '/host/app-call'), 405, /use POST/);
    });
});

describe('POST /host/login', () => {
    it('sets Rocket.Chat\'s login cookies, with which the browser opens an uploaded file', async () => {
        const room = (await call('POST', '/host/app-call', { as: 'rapidpro', path: 'room', body: { visitor: { token: '30002', name: 'Files' }, ticketID: 't-files' } })).json.body.id;
        await call('POST', `/host/rooms/${room}/agent-message`, { username: 'agent', files: [{ name: 'a.txt', type: 'text/plain', text: 'content' }] });
        const link = playground.host.store.roomMessages(room).pop()!.attachments![0].title!.link!;
        expect((await httpCall(`${playground.base}${link}`)).status).toBe(403);
        const login = await call('POST', '/host/login', { username: 'agent' });
        expect(login.json).toEqual({ userId: expect.any(String), username: 'agent' });
        const cookies = login.headers['set-cookie'].split(', ').map((cookie) => cookie.split(';')[0]).join('; ');
        expect(cookies).toMatch(/^rc_uid=[^;]+; rc_token=[^;]+$/);
        expect((await httpCall(`${playground.base}${link}`, { headers: { cookie: cookies } })).text).toBe('content');
        expectRefusal(await call('POST', '/host/login', { username: 'nobody' }), 404, /no user "nobody"/);
    });
});

describe('the fake receivers', () => {
    it('show what each fake platform received and answer as told', async () => {
        const receivers = await call('GET', '/host/receivers?limit=5');
        expect(receivers.json.map((receiver: { platform: string }) => receiver.platform)).toEqual(['rapidpro', 'gitple', 'chatday', 'uchat', 'closer']);
        const chatday = receivers.json.find((receiver: { platform: string }) => receiver.platform === 'chatday');
        expect(chatday).toEqual(expect.objectContaining({ answering: 'normally', origin: playground.fakes.chatday.origin }));
        expect(chatday.requests[0]).toEqual(expect.objectContaining({ method: 'GET', path: '/external/register', status: 200, outcome: 'ok' }));

        expect((await call('PUT', '/host/receivers/gitple/answer', { status: 503 })).json).toEqual(expect.objectContaining({ platform: 'gitple', answering: 503, requests: [] }));
        expect((await httpCall(`${playground.fakes.gitple.origin}/v1/hooks`, { method: 'POST', body: {} })).status).toBe(503);
        expect((await call('PUT', '/host/receivers/gitple/answer', { status: 200 })).json.answering).toBe('normally');

        expectRefusal(await call('PUT', '/host/receivers/gitple/answer', { status: 302 }), 400, /"status" must be 200 \(answer normally\) or a failing status from 400 to 599/);
        expectRefusal(await call('PUT', '/host/receivers/gitple/answer', {}), 400, /"status" must be 200/);
        expectRefusal(await call('PUT', '/host/receivers/slack/answer', { status: 200 }), 404, /no fake platform "slack"; there are rapidpro, gitple, chatday, uchat, closer/);
        expectRefusal(await call('GET', '/host/receivers?limit=0'), 400, /"limit" must be a whole number/);
    });

    it('are not there when the playground runs no fakes (FAKES=0): 404 saying so', async () => {
        let bare: RunningHost | undefined;
        let door: FrontDoor | undefined;
        try {
            bare = await startHost();
            const running = bare;
            door = new FrontDoor(running.host, () => running.appId);
            const answer = await httpCall(`http://127.0.0.1:${await door.listen(0)}/host/receivers`);
            expectRefusal(answer, 404, /the fake platforms do not run in this playground \(FAKES=0/);
        } finally {
            await door?.close();
            await bare?.host.stop();
        }
    });
});
