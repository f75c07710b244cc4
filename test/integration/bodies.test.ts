import { RapidProWorld, SECRET } from '../support/RapidProWorld';

/**
 * Rocket.Chat hands an app only JSON bodies sent as `application/json` (form fields at most);
 * any other content type arrives as `{}`. The app answers such a request with 415 JSON saying
 * what to send, and an event with no body at all with 400, instead of acting on nothing.
 */
const world = new RapidProWorld();
const CLOSER_TOKEN = 'closer-token-bodies';
const auth = { Authorization: `Token ${SECRET}` };

function snapshot(): string {
    return JSON.stringify({ rooms: world.host.store.rooms.size, messages: world.totalMessages(), visitors: world.host.store.visitors.size });
}

beforeAll(async () => {
    await world.start();
    world.platform.route('/register', () => ({ status: 200, body: { signature_token: 'cd-signature' } }));
    await world.settings({
        closer_enabled: true, closer_webhook_token: CLOSER_TOKEN, closer_reply_url: `${world.platform.origin}/relay`, closer_reply_secret: 'relay-secret',
        gitple_enabled: true, gitple_event_secret: 'gitple-secret', gitple_app_code: 'app', gitple_api_secret: 'api', gitple_api_url: world.platform.origin,
        uchat_enabled: true, uchat_verification_key: 'uchat-key', uchat_bot_url: `${world.platform.origin}/bot`, uchat_flow_api_key: 'flow', uchat_department: 'Support',
        chatday_enabled: true, chatday_register_url: `${world.platform.origin}/register`, chatday_send_url: `${world.platform.origin}/send`, chatday_token: 'cd-token',
    });
});
afterAll(() => world.stop());

describe('bodies Rocket.Chat does not pass to apps', () => {
    const json = JSON.stringify({ ticketID: 'bodies-1', visitor: { token: '91001', name: 'Ana' } });

    it.each([
        ['room (GET)', 'GET', 'room', 'text/plain', json],
        ['room (POST)', 'POST', 'room', 'text/plain;charset=UTF-8', json],
        ['room.close', 'POST', 'room.close', 'application/x-www-form-urlencoded', 'visitor[token]=91001'],
        ['visitor-message', 'POST', 'visitor-message', 'application/x-www-form-urlencoded', 'text=hi'],
        ['settings', 'PUT', 'settings', 'text/json', JSON.stringify({ webhook: { url: 'https://rp.example/cb' } })],
        ['closer', 'POST', `closer?token=${CLOSER_TOKEN}`, 'text/plain', JSON.stringify({ type: 'agent_call_requested', botId: 'b', endUserId: 'u', conversation: { id: 'c' } })],
        ['gitple', 'POST', 'gitple', 'application/x-www-form-urlencoded', 'type=session_state_open'],
        ['uchat', 'POST', 'uchat', 'text/plain', JSON.stringify({ sender_id: 'v', text: 'hi' })],
        ['chatday', 'POST', 'chatday', 'text/plain', JSON.stringify({ message: { type: 'text', data: 'hi' }, chat_id: 5 })],
    ])('%s: 415 JSON naming the content type to use; nothing changes', async (_name, method, path, type, rawBody) => {
        const before = snapshot();
        const answer = await world.request(method, path, { rawBody, headers: { ...auth, 'content-type': type, 'X-Chatday-Signature-Token': 'cd-signature' } });
        expect(answer.status).toBe(415);
        expect(answer.headers['content-type']).toMatch(/application\/json/);
        expect(answer.json.error).toContain('Content-Type: application/json');
        expect(answer.json.error).toContain(type.split(';')[0].toLowerCase());
        await world.host.events.settle();
        expect(snapshot()).toBe(before);
    });

    it('takes JSON with a charset parameter as JSON', async () => {
        const answer = await world.request('POST', 'room', { rawBody: json, headers: { ...auth, 'content-type': 'application/json; charset=utf-8' } });
        expect(answer.status).toBe(201);
    });

    it.each([
        ['closer', `closer?token=${CLOSER_TOKEN}`, {}],
        ['gitple', 'gitple', {}],
        ['uchat', 'uchat', {}],
    ])('%s: an event without a body gets 400 JSON saying what to send', async (_name, path, headers) => {
        const before = snapshot();
        const answer = await world.request('POST', path, { headers });
        expect(answer.status).toBe(400);
        expect(answer.json.error).toMatch(/no body.*Content-Type: application\/json/);
        expect(snapshot()).toBe(before);
    });

    it('still answers Chatday\'s verification calls (GET, or POST without a message)', async () => {
        expect((await world.request('GET', 'chatday')).json).toEqual({ status: 'SUCCESS' });
        expect((await world.request('POST', 'chatday')).json).toEqual({ status: 'SUCCESS' });
        expect((await world.request('POST', 'chatday', { body: {} })).json).toEqual({ status: 'SUCCESS' });
    });

    it('answers a RapidPro call without any body with 400 naming the field to send', async () => {
        const answer = await world.request('POST', 'visitor-message', { headers: auth });
        expect(answer.status).toBe(400);
        expect(answer.json.error).toMatch(/visitor/);
    });
});
