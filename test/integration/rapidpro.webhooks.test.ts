import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/** What the app sends RapidPro: agent-message and close-room, through the durable outbox. */
describe('RapidPro webhooks', () => {
    const world = new RapidProWorld();
    let ticketCounter = 0;

    beforeAll(() => world.start());
    afterAll(() => world.stop());
    afterEach(() => {
        world.rapidpro.behaviour = { kind: 'ok' };
    });

    async function freshTicket(): Promise<{ ticketID: string; token: string; roomId: string }> {
        ticketCounter += 1;
        const ticketID = `0f0f0f0f-0000-4000-8000-${String(ticketCounter).padStart(12, '0')}`;
        const token = String(50000 + ticketCounter);
        return { ticketID, token, roomId: await world.openTicket(ticketID, token) };
    }

    const callbacksOf = (ticketID: string) => world.rapidpro.received.filter((call) => call.body?.ticketID === ticketID);
    /** Callbacks whose 2xx answer reached the app: what it counts as delivered. */
    const deliveredOf = (ticketID: string) => world.rapidpro.delivered().filter((call) => call.body?.ticketID === ticketID);
    const attemptsOf = (ticketID: string) => world.rapidpro.attempts.filter((attempt) => attempt.request.body?.ticketID === ticketID);
    const callsToRapidPro = (outcome: string) => world.host.httpCalls().filter((call) => call.url === world.rapidpro.callbackUrl && call.outcome === outcome).length;

    it('sends the caption typed in the upload dialog as the text of a file-only reply, with the Rocket.Chat file link', async () => {
        const { ticketID, roomId } = await freshTicket();
        world.host.agentMessage(roomId, 'agent', '', [{ name: 'boarding pass.pdf', type: 'application/pdf' }], 'your boarding pass :airplane:');
        const [call] = await waitFor('the callback', () => callbacksOf(ticketID).length === 1 && callbacksOf(ticketID));
        expect(call.body.data.text).toBe('your boarding pass ✈️');
        expect(call.body.data.attachments).toEqual([{ type: 'application/pdf', url: expect.stringMatching(/^http:\/\/chat\.example\.test\/file-upload\/[^/]+\/boarding%20pass\.pdf$/) }]);
    });

    it('sends an agent reply with the right ticketID, visitor, headers and emoji as characters', async () => {
        const { ticketID, token, roomId } = await freshTicket();
        world.host.agentMessage(roomId, 'agent', 'Hello :smile: how can I help? :+1:');
        const [call] = await waitFor('the agent-message callback', () => callbacksOf(ticketID).length > 0 && callbacksOf(ticketID));
        expect(call.headers.authorization).toBe(`Token ${SECRET}`);
        expect(call.headers['content-type']).toMatch(/^application\/json/);
        expect(call.body).toEqual({ type: 'agent-message', ticketID, visitor: { token }, data: { text: 'Hello 😄 how can I help? 👍' } });
    });

    it('sends the shortnames Rocket.Chat\'s emoji picker inserts as emoji, skin tones and captions included', async () => {
        const { ticketID, roomId } = await freshTicket();
        world.host.agentMessage(roomId, 'agent', ':thumbsup: :slight_smile:', [{ name: 'team.png', type: 'image/png' }], 'from :man_technologist_tone2: :tada:');
        const [call] = await waitFor('the agent-message callback', () => callbacksOf(ticketID).length > 0 && callbacksOf(ticketID));
        expect(call.body.data.text).toBe('👍 🙂\nfrom 👨🏼\u200d💻 🎉');
    });

    it('sends every uploaded file with an absolute Site_Url link and its MIME type, with or without text', async () => {
        const { ticketID, roomId } = await freshTicket();
        world.host.agentMessage(roomId, 'agent', 'Here are your documents', [
            { name: 'invoice.pdf', type: 'application/pdf' },
            { name: 'photo.png', type: 'image/png' },
            { name: 'report.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        ]);
        world.host.agentMessage(roomId, 'agent', '', [{ name: 'voice note.ogg', type: 'audio/ogg' }]);
        const calls = await waitFor('two agent-message callbacks', () => callbacksOf(ticketID).length === 2 && callbacksOf(ticketID));
        const first = calls[0].body.data;
        expect(first.text).toBe('Here are your documents');
        expect(first.attachments.map((file: { type: string }) => file.type)).toEqual([
            'application/pdf', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        ]);
        for (const file of first.attachments) {
            expect(file.url).toMatch(/^http:\/\/chat\.example\.test\/file-upload\/[^/]+\/[^/]+$/);
        }
        expect(calls[1].body.data.text).toBe('');
        expect(calls[1].body.data.attachments).toEqual([{ type: 'audio/ogg', url: expect.stringMatching(/^http:\/\/chat\.example\.test\/file-upload\/.+\/voice%20note\.ogg$/) }]);
    });

    it('never sends the visitor\'s own messages, the app\'s bot messages or system messages', async () => {
        const { ticketID, token, roomId } = await freshTicket();
        await world.call('POST', 'visitor-message', { visitor: { token }, text: 'from the contact' });
        const escalations = world.host.livechat.createDepartment('Escalations');
        world.host.livechat.addAgent('escalator', [escalations.id], true);
        world.host.transfer(roomId, { department: 'Escalations' }, 'agent');
        world.host.livechat.postMessage({ roomId, sender: world.host.appUser(world.appId)!, text: 'bot note' });
        world.host.agentMessage(roomId, 'agent', 'the only reply');
        await waitFor('the agent reply', () => callbacksOf(ticketID).length > 0);
        await world.outboxIdle();
        expect(attemptsOf(ticketID).map((attempt) => attempt.request.body.data?.text)).toEqual(['the only reply']);
    });

    it('sends close-room when an agent closes the room, after the room\'s last agent message', async () => {
        const { ticketID, token, roomId } = await freshTicket();
        world.host.agentMessage(roomId, 'agent', 'one');
        world.host.agentMessage(roomId, 'agent', 'two');
        world.host.closeAsAgent(roomId, 'agent', 'Solved');
        const calls = await waitFor('three callbacks', () => callbacksOf(ticketID).length === 3 && callbacksOf(ticketID));
        expect(calls.map((call) => call.body.type)).toEqual(['agent-message', 'agent-message', 'close-room']);
        expect(calls[2].body).toEqual({ type: 'close-room', ticketID, visitor: { token } });
    });

    it('sends close-room when the visitor closes the room', async () => {
        const { ticketID, roomId } = await freshTicket();
        world.host.closeAsVisitor(roomId);
        await waitFor('close-room', () => callbacksOf(ticketID).some((call) => call.body.type === 'close-room'));
    });

    it('closes the room for /room.close (GET with a body) with 204, echoes nothing, and answers 204 again', async () => {
        const { ticketID, token, roomId } = await freshTicket();
        const close = await world.call('GET', 'room.close', { visitor: { token } });
        expect(close.status).toBe(204);
        expect(world.room(roomId).isOpen).toBeUndefined();
        const comment = world.messages(roomId).find((message) => message.type === 'livechat-close');
        expect(comment?.text).toContain('closed in RapidPro');
        expect((await world.call('POST', 'room.close', { visitor: { token } })).status).toBe(204);
        await world.outboxIdle();
        expect(attemptsOf(ticketID)).toHaveLength(0);
        const unknown = await world.call('GET', 'room.close', { visitor: { token: 'never-seen' } });
        expect(unknown.status).toBe(404);
        expect((await world.call('GET', 'room.close', { visitor: {} })).status).toBe(400);
    });

    it('replaces a still-open ticket: closes its room with a comment, tells RapidPro, opens a fresh room', async () => {
        const old = await freshTicket();
        const newTicket = '0f0f0f0f-0000-4000-8000-ffffffffffff';
        const answer = await world.call('GET', 'room', { visitor: { token: old.token }, ticketID: newTicket });
        expect(answer.status).toBe(201);
        expect(answer.json.id).not.toBe(old.roomId);
        expect(world.room(old.roomId).isOpen).toBeUndefined();
        expect(world.messages(old.roomId).find((message) => message.type === 'livechat-close')?.text).toContain(newTicket);
        expect(world.room(answer.json.id).isOpen).toBe(true);
        const [closeOld] = await waitFor('close-room for the old ticket', () => callbacksOf(old.ticketID).length > 0 && callbacksOf(old.ticketID));
        expect(closeOld.body).toEqual({ type: 'close-room', ticketID: old.ticketID, visitor: { token: old.token } });
        const forwarded = await world.call('POST', 'visitor-message', { visitor: { token: old.token }, text: 'to the new room' });
        expect(world.messages(answer.json.id).some((message) => message.id === forwarded.json.id)).toBe(true);
    });

    it('keeps deliveries while RapidPro is down and delivers them once, in order, when it is back', async () => {
        const { ticketID, roomId } = await freshTicket();
        const port = Number(new URL(world.rapidpro.callbackUrl).port);
        const refusedBefore = callsToRapidPro('refused');
        await world.rapidpro.stop();
        for (const text of ['first', 'second', 'third']) {
            world.host.agentMessage(roomId, 'agent', text);
        }
        world.host.closeAsAgent(roomId, 'agent');
        await world.host.events.settle();
        await waitFor('two refused attempts', () => callsToRapidPro('refused') >= refusedBefore + 2, 20000);
        await world.rapidpro.start(port);
        await waitFor('all four callbacks', () => deliveredOf(ticketID).length >= 4, 20000);
        await world.outboxIdle();
        expect(deliveredOf(ticketID).map((call) => call.body.data?.text ?? call.body.type)).toEqual(['first', 'second', 'third', 'close-room']);
        expect(attemptsOf(ticketID)).toHaveLength(4);
    }, 40000);

    it('retries 500 and 429 answers, and parks (and reports) a 4xx RapidPro will never accept', async () => {
        const { ticketID, roomId } = await freshTicket();
        world.rapidpro.behaviour = { kind: 'status', status: 503 };
        world.host.agentMessage(roomId, 'agent', 'after a 503');
        await waitFor('the 503', () => attemptsOf(ticketID).some((attempt) => attempt.status === 503));
        world.rapidpro.behaviour = { kind: 'ok' };
        await waitFor('the retried message', () => callbacksOf(ticketID).length === 1, 15000);

        world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'unable to fetch attachment' } };
        world.host.agentMessage(roomId, 'agent', 'refused');
        await waitFor('the refusal to be recorded', async () => {
            const status = await world.call('GET', 'status');
            return status.json.sources.find((source: { source: string }) => source.source === 'rapidpro').lastError?.message.includes('unable to fetch attachment');
        });
        world.rapidpro.behaviour = { kind: 'ok' };
        world.host.agentMessage(roomId, 'agent', 'after the refusal');
        await waitFor('the next message', () => callbacksOf(ticketID).length === 2);
        expect(callbacksOf(ticketID).map((call) => call.body.data.text)).toEqual(['after a 503', 'after the refusal']);
        const status = await world.call('GET', 'status');
        const rapidpro = status.json.sources.find((source: { source: string }) => source.source === 'rapidpro');
        expect(rapidpro.outbox.parked).toBeGreaterThanOrEqual(1);
        expect(JSON.stringify(status.json)).not.toContain(SECRET);
    }, 30000);

    it('retries a callback that answers after the request timeout, and delivers it once', async () => {
        const { ticketID, roomId } = await freshTicket();
        await world.host.setSetting(world.appId, 'delivery_timeout_seconds', 1);
        world.rapidpro.behaviour = { kind: 'hang', ms: 1500 };
        world.host.agentMessage(roomId, 'agent', 'slow lane');
        await waitFor('the app to give up on the first attempt', () => attemptsOf(ticketID).some((attempt) => attempt.answer === 'hang'), 15000);
        world.rapidpro.behaviour = { kind: 'ok' };
        await waitFor('the retried message', () => deliveredOf(ticketID).length === 1, 15000);
        await world.outboxIdle();
        // RapidPro saw it twice (the first attempt hung past the timeout); the app delivered it once
        expect(attemptsOf(ticketID).map((attempt) => attempt.answer)).toEqual(['hang', 'ok']);
        expect(deliveredOf(ticketID)).toHaveLength(1);
        await world.host.setSetting(world.appId, 'delivery_timeout_seconds', 15);
    }, 30000);

    it('parks a delivery older than the maximum age: kept, logged and counted in status, never sent', async () => {
        const { ticketID, roomId } = await freshTicket();
        const parkedBefore = (await world.call('GET', 'status')).json.sources[0].outbox.parked;
        await world.host.setSetting(world.appId, 'delivery_max_age_hours', 0);
        world.rapidpro.behaviour = { kind: 'status', status: 502 };
        world.host.agentMessage(roomId, 'agent', 'too late');
        await waitFor('the item to be parked', async () => (await world.call('GET', 'status')).json.sources[0].outbox.parked === parkedBefore + 1);
        world.rapidpro.behaviour = { kind: 'ok' };
        await world.host.setSetting(world.appId, 'delivery_max_age_hours', 24);
        await world.outboxIdle();
        expect(deliveredOf(ticketID)).toHaveLength(0);
        // The line is in the lane run's log entry, which Rocket.Chat stores when the run ends.
        await waitFor('the parked line in the app log', () => world.host.appLogLines(world.appId).some((line) => line.severity === 'error' && line.text.includes('parked agent-message')));
    });

    it('signs callbacks with the App Secret trimmed exactly as on input', async () => {
        await world.host.setSetting(world.appId, 'app_secret', `  ${SECRET}\n`);
        const { ticketID, roomId } = await freshTicket();
        world.host.agentMessage(roomId, 'agent', 'trimmed');
        const [call] = await waitFor('the callback', () => callbacksOf(ticketID).length > 0 && callbacksOf(ticketID));
        expect(call.headers.authorization).toBe(`Token ${SECRET}`);
        await world.host.setSetting(world.appId, 'app_secret', SECRET);
    });

    it('delivers what was queued before a Rocket.Chat restart', async () => {
        const { ticketID, roomId } = await freshTicket();
        const port = Number(new URL(world.rapidpro.callbackUrl).port);
        await world.rapidpro.stop();
        world.host.agentMessage(roomId, 'agent', 'before restart 1');
        world.host.agentMessage(roomId, 'agent', 'before restart 2');
        await world.host.events.settle();
        await world.host.reloadEngine();
        await world.rapidpro.start(port);
        await waitFor('both queued messages', () => callbacksOf(ticketID).length === 2, 30000);
        expect(callbacksOf(ticketID).map((call) => call.body.data.text)).toEqual(['before restart 1', 'before restart 2']);
    }, 40000);

    it('copies the contact\'s recent RapidPro messages into the new room, following every page', async () => {
        await world.host.setSetting(world.appId, 'rapidpro_api_token', 'rp-api-token-123');
        const now = Date.now();
        world.rapidpro.history = [1, 2, 3, 4, 5].map((n) => ({
            id: n,
            direction: n % 2 ? 'in' : 'out',
            text: `history ${n}`,
            created_on: new Date(now - (6 - n) * 60000).toISOString(),
            attachments: n === 3 ? [{ content_type: 'image/jpeg', url: 'https://rapidpro.example/media/h3.jpg' }] : [],
        })) as never;
        world.rapidpro.historyPageSize = 2;
        const roomId = await world.openTicket('history-1', '60000', { visitor: { token: '60000', name: 'Ana', contactUUID: 'c0ffee00-0000-4000-8000-000000000001' } });
        const history = await waitFor('the history message', () => world.messages(roomId).find((message) => message.text?.startsWith('Conversation history')));
        expect(world.rapidpro.historyRequests.length).toBe(3);
        expect(world.rapidpro.historyRequests[0].authorization).toBe('Token rp-api-token-123');
        expect(world.rapidpro.historyRequests[0].url).toContain('contact=c0ffee00-0000-4000-8000-000000000001');
        const lines = history.text!.split('\n');
        expect(lines[0]).toContain('5 messages');
        expect(lines.filter((line) => line.startsWith('[')).map((line) => line.replace(/^.*\] /, ''))).toEqual([
            'Ana: history 1', 'RapidPro: history 2', 'Ana: history 3', 'RapidPro: history 4', 'Ana: history 5',
        ]);
        expect(history.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
        expect(history.text).toContain('https://rapidpro.example/media/h3.jpg');
        expect(history.sender.username).toBe('tickets.bot');
        await world.host.setSetting(world.appId, 'rapidpro_api_token', '');
    });

    it('copies a history longer than Message_MaxAllowedSize as several bot messages, in order, nothing lost', async () => {
        await world.host.setSetting(world.appId, 'rapidpro_api_token', 'rp-api-token-123');
        const now = Date.now();
        world.rapidpro.history = Array.from({ length: 60 }, (_, i) => ({
            id: 1000 + i,
            direction: i % 2 ? 'out' : 'in',
            text: `message ${i + 1}: ${'ข้อความยาว '.repeat(20)}`,
            created_on: new Date(now - (60 - i) * 60000).toISOString(),
            attachments: [],
        })) as never;
        world.rapidpro.historyPageSize = 25;
        const roomId = await world.openTicket('history-long', '60010', { visitor: { token: '60010', name: 'Ana', contactUUID: 'c0ffee00-0000-4000-8000-000000000010' } });
        const parts = await waitFor('the whole history', () => {
            const bot = world.messages(roomId).filter((message) => message.sender.username === 'tickets.bot' && !message.type);
            return bot.length > 0 && bot.map((message) => message.text).join('').includes('message 60:') && bot;
        });
        expect(parts.length).toBeGreaterThan(1);
        expect(parts.every((part) => (part.text ?? '').length <= 5000)).toBe(true);
        const text = parts.map((part) => part.text).join('');
        expect(text.length).toBeGreaterThan(10000);
        expect(text.startsWith('Conversation history from RapidPro (60 messages):')).toBe(true);
        const order = text.split('\n').filter((line) => line.startsWith('[')).map((line) => Number(/message (\d+):/.exec(line)?.[1]));
        expect(order).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
        // every part but the last ends at a line break: no line is cut in two
        expect(parts.slice(0, -1).every((part) => part.text!.endsWith('\n'))).toBe(true);
        await world.host.setSetting(world.appId, 'rapidpro_api_token', '');
    });

    it('opens the room even when RapidPro\'s messages API fails, and logs why', async () => {
        await world.host.setSetting(world.appId, 'rapidpro_api_token', 'rp-api-token-123');
        world.rapidpro.route('/api/v2/messages.json', () => ({ status: 500, body: { detail: 'boom' } }));
        const answer = await world.call('GET', 'room', { ticketID: 'history-down', visitor: { token: '60001', contactUUID: 'c0ffee00-0000-4000-8000-000000000002' } });
        expect(answer.status).toBe(201);
        expect(world.room(answer.json.id).isOpen).toBe(true);
        await waitFor('the warning', () => world.host.appLogLines(world.appId).some((line) => line.severity === 'warning' && line.text.includes('could not copy history') && line.text.includes('HTTP 500')));
        expect(world.messages(answer.json.id).some((message) => message.text?.startsWith('Conversation history'))).toBe(false);
        await world.host.setSetting(world.appId, 'rapidpro_api_token', '');
    });

    it('logs, and skips, a custom field Rocket.Chat does not know', async () => {
        const answer = await world.call('GET', 'room', { ticketID: 'unknown-field', visitor: { token: '60002', customFields: { notDefinedAnywhere: 'x' } } });
        expect(answer.status).toBe(201);
        expect(world.host.appLogLines(world.appId).some((line) => line.text.includes('custom field "notDefinedAnywhere" was not set'))).toBe(true);
    });

    it('reports per-source status: open rooms, messages in and out, queue', async () => {
        const status = await world.call('GET', 'status');
        expect(status.status).toBe(200);
        const rapidpro = status.json.sources.find((source: { source: string }) => source.source === 'rapidpro');
        expect(rapidpro).toEqual(expect.objectContaining({ enabled: true, configured: true }));
        expect(rapidpro.openRooms).toBeGreaterThan(0);
        expect(rapidpro.messagesOut).toBeGreaterThan(0);
        expect(rapidpro.messagesIn).toBeGreaterThan(0);
        expect(rapidpro.outbox.queued).toBe(0);
    });
});
