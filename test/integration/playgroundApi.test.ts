import { LogMessageSeverity } from '@rocket.chat/apps-engine/definition/accessors';
import * as fs from 'fs';
import * as path from 'path';

import { LOG_TEXT_LIMIT } from '../host/api/appLogView';
import { FrontDoor } from '../host/FrontDoor';
import { HttpAnswer,httpCall } from '../support/http';
import { multipartBody } from '../support/multipartBody';
import { RunningHost, startHost } from '../support/startHost';

/** The playground's own API (`/host/…`) and Rocket.Chat's widget API, through the front door. */
let running: RunningHost;
let door: FrontDoor;
let origin = '';

const call = (method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpAnswer> =>
    httpCall(`${origin}${path}`, { method, body, headers });

/** A 4xx JSON answer whose error names `what`. */
function expectRefusal(answer: HttpAnswer, status: number, what: RegExp | string): void {
    expect({ status: answer.status, error: answer.json?.error }).toEqual({ status, error: expect.stringMatching(what) });
    expect(answer.headers['content-type']).toMatch(/application\/json/);
}

beforeAll(async () => {
    running = await startHost();
    door = new FrontDoor(running.host, () => running.appId);
    origin = `http://127.0.0.1:${await door.listen(0)}`;
    const support = running.host.livechat.createDepartment('Support');
    running.host.livechat.addAgent('agent', [support.id], true);
});

afterAll(async () => {
    await door.close();
    await running.host.stop();
});

describe('the route list and unknown routes', () => {
    it('lists every route with its method and a summary', async () => {
        const answer = await call('GET', '/host');
        expect(answer.status).toBe(200);
        const routes = answer.json.routes.map((route: { method: string; path: string }) => `${route.method} ${route.path}`);
        expect(routes).toEqual(expect.arrayContaining(['GET /host/rooms', 'POST /host/departments', 'POST /host/departments/:department/agents', 'PUT /host/agents/:username/status', 'GET /host/logs']));
        expect(answer.json.routes.every((route: { summary: string }) => route.summary.length > 0)).toBe(true);
    });

    it('has every route in the README\'s Playground API table', async () => {
        const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
        const table = readme.slice(readme.indexOf('### Playground API'), readme.indexOf('## Install on a real Rocket.Chat'));
        const shape = (route: string) => route.replace(/\?.*$/, '').replace(/(:\w+|<[^>]+>)/g, '*');
        const documented = new Set([...table.matchAll(/`((?:GET|POST|PUT|DELETE) \/host[^`]*)`/g)].map((match) => shape(match[1])));
        const routes = (await call('GET', '/host')).json.routes.map((route: { method: string; path: string }) => shape(`${route.method} ${route.path}`));
        expect(routes.filter((route: string) => !documented.has(route))).toEqual([]);
    });

    it('answers an unknown route 404 and a known path with the wrong method 405, naming the allowed one', async () => {
        expectRefusal(await call('GET', '/host/no-such-thing'), 404, /no route GET \/host\/no-such-thing/);
        expectRefusal(await call('DELETE', '/host/rooms'), 405, /use GET/);
        expectRefusal(await call('GET', '/host/rooms/%E0%A4%A/messages'), 400, /percent-encoding/);
    });
});

describe('departments and agents', () => {
    it('creates a department (201), answers an existing name with it (200), and finds it by name or id', async () => {
        const created = await call('POST', '/host/departments', { name: 'Billing' });
        expect(created.status).toBe(201);
        expect(created.json).toEqual({ id: expect.any(String), name: 'Billing', enabled: true, agents: [] });
        const again = await call('POST', '/host/departments', { name: 'Billing' });
        expect(again.status).toBe(200);
        expect(again.json.id).toBe(created.json.id);
        expect((await call('GET', '/host/departments/Billing')).json.id).toBe(created.json.id);
        expect((await call('GET', `/host/departments/${created.json.id}`)).json.name).toBe('Billing');
        expect((await call('GET', '/host/departments')).json.map((department: { name: string }) => department.name)).toEqual(expect.arrayContaining(['Support', 'Billing']));
    });

    it('refuses a department without a name, a body that is not JSON or not an object; nothing is created', async () => {
        const before = running.host.store.departments.size;
        expectRefusal(await call('POST', '/host/departments', {}), 400, /"name" is required/);
        expectRefusal(await call('POST', '/host/departments', { name: 42 }), 400, /"name" must be a string/);
        expectRefusal(await httpCall(`${origin}/host/departments`, { method: 'POST', rawBody: '{"name": "Half', headers: { 'content-type': 'application/json' } }), 400, /not valid JSON/);
        expectRefusal(await call('POST', '/host/departments', ['Billing']), 400, /JSON object/);
        expectRefusal(await httpCall(`${origin}/host/departments`, { method: 'POST', rawBody: 'name', headers: { 'content-type': 'text/plain' } }), 400, /must be JSON/);
        expectRefusal(await call('GET', '/host/departments/Nowhere'), 404, /no department "Nowhere"/);
        expect(running.host.store.departments.size).toBe(before);
    });

    it('creates an agent in departments (201), makes an existing user one (200), and refuses an unknown department without creating anything', async () => {
        expectRefusal(await call('POST', '/host/agents', { username: 'ghost', departments: ['Nowhere'] }), 404, /no department "Nowhere"/);
        expect(running.host.store.userByUsername('ghost')).toBeUndefined();
        const created = await call('POST', '/host/agents', { username: 'ana', departments: ['Billing'] });
        expect(created.status).toBe(201);
        expect(created.json).toEqual({ username: 'ana', name: 'ana', online: true, departments: ['Billing'] });
        const again = await call('POST', '/host/agents', { username: 'ana', departments: ['Support'], online: false });
        expect(again.status).toBe(200);
        expect(again.json).toEqual(expect.objectContaining({ online: false, departments: ['Support', 'Billing'] }));
        expect((await call('GET', '/host/agents')).json.map((agent: { username: string }) => agent.username)).toEqual(expect.arrayContaining(['agent', 'ana']));
        expectRefusal(await call('POST', '/host/agents', { username: 'bob', departments: 'Support' }), 400, /"departments" must be an array/);
        expectRefusal(await call('POST', '/host/agents', { username: 'bob', online: 'yes' }), 400, /"online" must be true or false/);
    });

    it('switches an agent offline and online: Rocket.Chat then refuses, then routes, a new widget room of that department', async () => {
        await call('POST', '/host/departments', { name: 'Night' });
        await call('POST', '/host/agents', { username: 'owl', departments: ['Night'] });
        expect((await call('PUT', '/host/agents/owl/status', { online: false })).json.online).toBe(false);
        await call('POST', '/api/v1/livechat/visitor', { visitor: { token: 'night-visitor', name: 'Nina', department: 'Night' } });
        const refused = await call('GET', '/api/v1/livechat/room?token=night-visitor');
        expect(refused.status).toBe(400);
        expect(refused.json).toEqual({ success: false, error: expect.stringContaining('no-agent-online') });
        expect((await call('PUT', '/host/agents/owl/status', { online: true })).json.online).toBe(true);
        const room = await call('GET', '/api/v1/livechat/room?token=night-visitor');
        expect(room.json).toEqual(expect.objectContaining({ success: true, newRoom: true, room: expect.objectContaining({ servedBy: expect.objectContaining({ username: 'owl' }) }) }));
    });

    it('refuses a status for an unknown user, a user who is no agent, and without "online"', async () => {
        expectRefusal(await call('PUT', '/host/agents/nobody/status', { online: true }), 404, /no user "nobody"/);
        running.host.livechat.createUser({ username: 'plain.user' });
        expectRefusal(await call('PUT', '/host/agents/plain.user/status', { online: true }), 400, /not an Omnichannel agent/);
        expectRefusal(await call('PUT', '/host/agents/agent/status', {}), 400, /"online" is required/);
    });

    it('makes the app\'s bot user an agent of a department (the UChat admin step), and takes an agent out again', async () => {
        await call('POST', '/host/departments', { name: 'Bot' });
        const added = await call('POST', '/host/departments/Bot/agents', { username: 'tickets.bot' });
        expect(added.status).toBe(200);
        expect(added.json.agents).toEqual([{ username: 'tickets.bot', online: true }]);
        expect(running.host.appUser(running.appId)?.roles).toContain('livechat-agent');
        await call('POST', '/api/v1/livechat/visitor', { visitor: { token: 'bot-visitor', name: 'Bea', department: 'Bot' } });
        const room = await call('GET', '/api/v1/livechat/room?token=bot-visitor');
        expect(room.json.room.servedBy.username).toBe('tickets.bot');
        expectRefusal(await call('POST', '/host/departments/Bot/agents', { username: 'nobody' }), 404, /no user "nobody"/);
        expectRefusal(await call('POST', '/host/departments/Nowhere/agents', { username: 'agent' }), 404, /no department "Nowhere"/);
        expectRefusal(await call('DELETE', '/host/departments/Bot/agents/agent'), 404, /not an agent of department "Bot"/);
        expect((await call('DELETE', '/host/departments/Night/agents/owl')).json.agents).toEqual([]);
    });
});

describe('rooms and agent actions', () => {
    let roomId = '';

    beforeAll(async () => {
        await call('POST', '/api/v1/livechat/visitor', { visitor: { token: 'room-visitor', name: 'Rui', department: 'Support' } });
        roomId = (await call('GET', '/api/v1/livechat/room?token=room-visitor')).json.room._id;
    });

    it('lists rooms with filters, shows one room and its messages', async () => {
        const open = await call('GET', '/host/rooms?open=true&department=Support');
        expect(open.json.map((room: { id: string }) => room.id)).toContain(roomId);
        expect(open.json.every((room: { open: boolean; department: string }) => room.open && room.department === 'Support')).toBe(true);
        expect((await call('GET', `/host/rooms/${roomId}`)).json).toEqual(expect.objectContaining({ id: roomId, open: true, servedBy: 'agent', createdAt: expect.any(String) }));
        expectRefusal(await call('GET', '/host/rooms?open=maybe'), 400, /"open" must be one of true, false/);
        expectRefusal(await call('GET', '/host/rooms?department=Nowhere'), 404, /no department "Nowhere"/);
    });

    it('posts an agent\'s text and files, and refuses what Rocket.Chat would not post', async () => {
        const sent = await call('POST', `/host/rooms/${roomId}/agent-message`, { username: 'agent', text: 'Here you go', files: [{ name: 'menu.txt', type: 'text/plain', text: 'soup' }], caption: 'today' });
        expect(sent.status).toBe(201);
        const posted = running.host.store.roomMessages(roomId).find((message) => message.id === sent.json.id)!;
        expect(posted.attachments?.[0]).toEqual(expect.objectContaining({ description: 'today', title: expect.objectContaining({ value: 'menu.txt' }) }));
        expect(running.host.store.uploads.get((posted.file as { _id: string })._id)?.data.toString()).toBe('soup');
        const before = running.host.store.roomMessages(roomId).length;
        expectRefusal(await call('POST', `/host/rooms/${roomId}/agent-message`, { username: 'agent' }), 400, /give "text", "files" or both/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/agent-message`, { text: 'x', files: [{ name: 'a' }] }), 400, /"files\[0\].type" must be a MIME type/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/agent-message`, { text: 'x', files: 'a.pdf' }), 400, /"files" must be an array/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/agent-message`, { username: 'nobody', text: 'x' }), 404, /no user "nobody"/);
        expectRefusal(await call('POST', '/host/rooms/no-such-room/agent-message', { text: 'x' }), 404, /no room "no-such-room"/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/agent-message`, { text: 'x'.repeat(5001) }), 400, /error-message-size-exceeded/);
        expect(running.host.store.roomMessages(roomId).length).toBe(before);
        expectRefusal(await call('GET', '/host/rooms/no-such-room/messages'), 404, /no room/);
        expect(running.host.store.messages.has('no-such-room')).toBe(false);
    });

    it('transfers with Rocket.Chat\'s refusals as 400, and refuses an ambiguous transfer', async () => {
        expectRefusal(await call('POST', `/host/rooms/${roomId}/transfer`, {}), 400, /either "department" or "agent"/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/transfer`, { department: 'Billing', agent: 'ana' }), 400, /either/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/transfer`, { department: 'Support' }), 400, /error-forwarding-chat-same-department/);
        expectRefusal(await call('POST', '/host/rooms/no-such-room/transfer', { department: 'Billing' }), 404, /no room/);
    });

    it('closes a room once; a second close, and an agent message into it, are refused', async () => {
        const closed = await call('POST', `/host/rooms/${roomId}/close`, { username: 'agent', comment: 'done' });
        expect(closed.json).toEqual({ closed: true });
        expectRefusal(await call('POST', `/host/rooms/${roomId}/close`, { username: 'agent' }), 400, /already closed/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/agent-message`, { text: 'late' }), 400, /is closed/);
        expectRefusal(await call('POST', `/host/rooms/${roomId}/close`, { by: 'robot' }), 400, /"by" must be "agent" or "visitor"/);
    });
});

describe('settings', () => {
    it('lists the app\'s settings, showing only whether a password is set', async () => {
        await running.host.setSetting(running.appId, 'app_secret', 'a-secret-the-api-never-shows');
        const answer = await call('GET', '/host/settings');
        expect(answer.json.find((setting: { id: string }) => setting.id === 'app_secret')).toEqual({ id: 'app_secret', type: 'password', value: null, set: true, secret: true, section: 'General', label: 'App Secret', description: expect.stringContaining('The secret RapidPro shows') });
        expect(answer.json.find((setting: { id: string }) => setting.id === 'gitple_enabled')).toEqual(expect.objectContaining({ type: 'boolean', value: false }));
        expect(answer.text).not.toContain('a-secret-the-api-never-shows');
    });

    it('changes a setting (the app hears of it) and refuses an unknown id, a missing value or a value of the wrong type', async () => {
        const changed = await call('PUT', '/host/settings/default_department', { value: 'Support' });
        expect(changed.json).toEqual(expect.objectContaining({ id: 'default_department', value: 'Support' }));
        expect(running.host.appLogLines(running.appId).map((line) => line.text)).toContain('setting default_department changed');
        expectRefusal(await call('PUT', '/host/settings/no_such_setting', { value: 1 }), 404, /no setting "no_such_setting"/);
        expectRefusal(await call('PUT', '/host/settings/gitple_enabled', {}), 400, /"value" is required/);
        expectRefusal(await call('PUT', '/host/settings/gitple_enabled', { value: 'yes' }), 400, /must be true or false/);
        expectRefusal(await call('PUT', '/host/settings/delivery_timeout_seconds', { value: '15' }), 400, /must be a number/);
        expectRefusal(await call('PUT', '/host/settings/default_department', { value: 7 }), 400, /must be a string/);
        expect(await running.host.settingValue(running.appId, 'gitple_enabled')).toBe(false);
    });

    it('changes a Rocket.Chat setting of the right type, and refuses an unknown one naming the known ones', async () => {
        expect((await call('PUT', '/host/server-settings/Livechat_accept_chats_with_no_agents', { value: true })).json).toEqual({ id: 'Livechat_accept_chats_with_no_agents', value: true });
        expect((await call('GET', '/host/server-settings')).json.Livechat_accept_chats_with_no_agents).toBe(true);
        await call('PUT', '/host/server-settings/Livechat_accept_chats_with_no_agents', { value: false });
        expectRefusal(await call('PUT', '/host/server-settings/Nope', { value: 1 }), 404, /no setting "Nope".*Site_Url/);
        expectRefusal(await call('PUT', '/host/server-settings/Message_MaxAllowedSize', { value: 'big' }), 400, /must be a number/);
    });
});

describe('logs', () => {
    it('gives each line its time, filters by level and cuts long texts with a marker', async () => {
        const now = new Date();
        running.host.logs.entries.push({
            appId: running.appId, method: 'app:playgroundTest' as never, startTime: now, endTime: now, totalTime: 0, _createdAt: now,
            entries: [
                { severity: LogMessageSeverity.WARNING, timestamp: now, args: ['w'.repeat(LOG_TEXT_LIMIT + 500)] },
                { severity: LogMessageSeverity.ERROR, timestamp: now, args: ['an error line'] },
                { severity: LogMessageSeverity.DEBUG, timestamp: now, args: ['a debug line'] },
            ],
        });
        const all = await call('GET', '/host/logs');
        expect(all.json.length).toBeGreaterThan(3);
        expect(all.json.every((line: { at: string }) => !Number.isNaN(Date.parse(line.at)))).toBe(true);
        const warnings = await call('GET', '/host/logs?level=warn');
        expect(warnings.json.every((line: { severity: string }) => ['warning', 'error'].includes(line.severity))).toBe(true);
        const mine = warnings.json.filter((line: { method: string }) => line.method === 'app:playgroundTest');
        expect(mine.map((line: { severity: string }) => line.severity)).toEqual(['warning', 'error']);
        expect(mine[0].cut).toBe(true);
        expect(mine[0].text).toBe(`${'w'.repeat(LOG_TEXT_LIMIT)}… [cut: ${LOG_TEXT_LIMIT + 500} characters in all]`);
        expect(mine[1]).toEqual({ at: now.toISOString(), severity: 'error', method: 'app:playgroundTest', text: 'an error line', cut: false, byEngine: false });
        expect((await call('GET', '/host/logs?level=error&limit=1')).json).toEqual([mine[1]]);
        expectRefusal(await call('GET', '/host/logs?level=loud'), 400, /"level" must be one of debug, info, warn, error/);
        expectRefusal(await call('GET', '/host/logs?limit=0'), 400, /"limit" must be a whole number/);
    });
});

describe('the widget API (Rocket.Chat\'s livechat REST routes for visitors)', () => {
    let rid = '';
    const token = 'widget-visitor-1';

    it('registers a visitor and opens its room once (newRoom), then answers the same open room', async () => {
        expect((await call('POST', '/api/v1/livechat/visitor', { visitor: { token, name: 'Wanda', department: 'Support' } })).json.visitor.token).toBe(token);
        const first = await call('GET', `/api/v1/livechat/room?token=${token}`);
        expect(first.json).toEqual({ success: true, newRoom: true, room: expect.objectContaining({ t: 'l', open: true, v: expect.objectContaining({ token }) }) });
        rid = first.json.room._id;
        expect((await call('GET', `/api/v1/livechat/room?token=${token}`)).json).toEqual(expect.objectContaining({ newRoom: false, room: expect.objectContaining({ _id: rid }) }));
        expect((await call('GET', `/api/v1/livechat/room?token=${token}&rid=${rid}`)).json.room._id).toBe(rid);
    });

    it('posts a visitor message and reads the history, newest first', async () => {
        const sent = await call('POST', '/api/v1/livechat/message', { token, rid, msg: 'Hello from the widget' });
        expect(sent.json).toEqual({ success: true, message: expect.objectContaining({ _id: expect.any(String), rid, msg: 'Hello from the widget', token }) });
        running.host.agentMessage(rid, 'agent', 'Hi Wanda');
        const history = await call('GET', `/api/v1/livechat/messages.history/${rid}?token=${token}`);
        expect(history.json.messages.map((message: { msg: string }) => message.msg).slice(0, 2)).toEqual(['Hi Wanda', 'Hello from the widget']);
    });

    it('uploads a file as the visitor (x-visitor-token, multipart) with its caption, served only with credentials', async () => {
        const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10]);
        const form = multipartBody({ description: 'my receipt' }, [{ field: 'file', name: 'receipt.png', type: 'image/png', data: bytes }]);
        const answer = await httpCall(`${origin}/api/v1/livechat/upload/${rid}`, { method: 'POST', rawBody: form.body, headers: { 'content-type': form.contentType, 'x-visitor-token': token } });
        expect(answer.status).toBe(200);
        expect(answer.json).toEqual(expect.objectContaining({ success: true, rid, token, file: expect.objectContaining({ name: 'receipt.png', type: 'image/png' }) }));
        const attachment = answer.json.attachments[0];
        expect(attachment).toEqual(expect.objectContaining({ description: 'my receipt', imageUrl: expect.stringMatching(/^\/file-upload\/[^/]+\/receipt\.png$/) }));
        expect(running.host.store.uploads.get(answer.json.file._id)?.data.equals(bytes)).toBe(true);
        expect((await httpCall(`${origin}${attachment.imageUrl}`)).status).toBe(403);
    });

    it('refuses an upload without the visitor\'s token or into another room (401), without a file or not multipart (400)', async () => {
        const form = multipartBody({}, [{ field: 'file', name: 'a.txt', type: 'text/plain', data: Buffer.from('a') }]);
        const upload = (headers: Record<string, string>, room = rid, body: Buffer = form.body) => httpCall(`${origin}/api/v1/livechat/upload/${room}`, { method: 'POST', rawBody: body, headers });
        const before = running.host.store.roomMessages(rid).length;
        expect(await upload({ 'content-type': form.contentType })).toEqual(expect.objectContaining({ status: 401, json: { success: false, error: 'unauthorized' } }));
        expect((await upload({ 'content-type': form.contentType, 'x-visitor-token': 'someone-else' })).status).toBe(401);
        expect((await upload({ 'content-type': form.contentType, 'x-visitor-token': token }, 'other-room')).status).toBe(401);
        const noFile = multipartBody({ description: 'nothing' }, []);
        expect((await upload({ 'content-type': noFile.contentType, 'x-visitor-token': token }, rid, noFile.body)).json).toEqual({ success: false, error: '[No file uploaded]' });
        const notMultipart = await upload({ 'content-type': 'application/json', 'x-visitor-token': token }, rid, Buffer.from('{}'));
        expect(notMultipart.status).toBe(400);
        expect(notMultipart.json.error).toMatch(/Unsupported content type/);
        expect(running.host.store.roomMessages(rid).length).toBe(before);
    });

    it('refuses what Rocket.Chat refuses: missing parameters, unknown token or room', async () => {
        expect((await call('POST', '/api/v1/livechat/message', { token, msg: 'x' })).json).toEqual({ success: false, error: "must have required property 'rid' [invalid-params]", errorType: 'invalid-params' });
        expect((await call('POST', '/api/v1/livechat/message', { token: 'nobody', rid, msg: 'x' })).json).toEqual({ success: false, error: 'invalid-token' });
        expect((await call('POST', '/api/v1/livechat/message', { token, rid: 'other-room', msg: 'x' })).json).toEqual({ success: false, error: 'invalid-room' });
        expect((await call('GET', '/api/v1/livechat/room')).status).toBe(400);
        expect((await call('GET', '/api/v1/livechat/room?token=nobody')).json.error).toBe('invalid-token');
        expect((await call('GET', '/api/v1/livechat/no-such-route')).status).toBe(404);
    });

    it('closes the room as the visitor ("Closed by visitor"); the closed room takes no message and no second close', async () => {
        const closed = await call('POST', '/api/v1/livechat/room.close', { rid, token });
        expect(closed.json).toEqual({ success: true, rid, comment: 'Closed by visitor' });
        const room = running.host.store.rooms.get(rid)!;
        expect(room.isOpen).toBeUndefined();
        expect(room.closer).toBe('visitor');
        expect((await call('POST', '/api/v1/livechat/room.close', { rid, token })).json).toEqual({ success: false, error: 'room-closed' });
        expect((await call('POST', '/api/v1/livechat/message', { token, rid, msg: 'late' })).json.error).toBe('room-closed');
        const next = await call('GET', `/api/v1/livechat/room?token=${token}`);
        expect(next.json.newRoom).toBe(true);
        expect(next.json.room._id).not.toBe(rid);
    });
});

describe('never a 500 for a caller\'s mistake', () => {
    it('answers a battery of bad requests with JSON 4xx', async () => {
        const bad: Array<[string, string, unknown]> = [
            ['POST', '/host/rooms/x/agent-message', 'not an object'],
            ['POST', '/host/rooms/x/close', null],
            ['POST', '/host/rooms/x/transfer', { department: 5 }],
            ['PUT', '/host/settings/app_secret', { value: { nested: true } }],
            ['PUT', '/host/server-settings/Site_Url', { value: null }],
            ['POST', '/host/agents', { username: '' }],
            ['POST', '/host/agents', { username: 'x', departments: [1] }],
            ['PUT', '/host/agents/agent/status', { online: 'false' }],
            ['POST', '/host/departments/Support/agents', {}],
            ['GET', '/host/logs?limit=abc', undefined],
            ['POST', '/api/v1/livechat/visitor', {}],
            ['POST', '/api/v1/livechat/visitor', { visitor: { token: 5 } }],
            ['POST', '/api/v1/livechat/room.close', { rid: 1 }],
            ['POST', '/api/v1/livechat/message', 'text'],
        ];
        for (const [method, path, body] of bad) {
            const answer = await call(method, path, body);
            expect({ method, path, status: answer.status < 500 && answer.status >= 400, json: typeof answer.json?.error }).toEqual({ method, path, status: true, json: 'string' });
        }
    });
});
