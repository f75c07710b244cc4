import * as fs from 'fs';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import * as path from 'path';

import { INSTANCE_HEADER } from '../host/FrontDoor';
import { connectChatday } from '../support/DeliveryScene';
import { HttpAnswer } from '../support/http';
import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * `GET metrics` after a scripted day of traffic: RapidPro tickets and Chatday chats, replies
 * delivered, one receiver failing and then refusing (parked), and requests refused. Every value
 * is checked against what the fake receivers really got and what the script sent, parsed with a
 * Prometheus text-format parser from npm; on one instance and on a cluster, where every instance
 * must answer the same numbers.
 */
const METRICS_TOKEN = 'metrics-bearer-token-5f1c0e7a9b';
const CHATDAY_TOKEN = 'metrics-chatday-token-value';
const CHATDAY_SIGNATURE = 'metrics-chatday-signature-value';
const PROMETHEUS_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
const app = JSON.parse(fs.readFileSync(path.join(__dirname, '../../app.json'), 'utf8')) as { version: string; requiredApiVersion: string };

/** Every sample of an exposition by `name{label="value",…}` (labels sorted), as numbers. */
function samplesOf(text: string): Record<string, number> {
    const samples: Record<string, number> = {};
    for (const family of parsePrometheusTextFormat(text)) {
        for (const sample of family.metrics) {
            const labels = Object.entries(sample.labels ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => `${name}="${value}"`);
            samples[`${family.name}${labels.length > 0 ? `{${labels.join(',')}}` : ''}`] = Number(sample.value);
        }
    }
    return samples;
}

/** What Prometheus' naming and the text format ask: every family has HELP and TYPE, the prefix, `_total` exactly on counters; every sample line is well formed. */
function expectWellFormed(text: string): void {
    const families = parsePrometheusTextFormat(text);
    expect(families.length).toBeGreaterThan(10);
    for (const family of families) {
        expect(family.name).toMatch(/^tickets_[a-z_]+$/);
        expect(family.help.length).toBeGreaterThan(10);
        expect(['COUNTER', 'GAUGE']).toContain(family.type);
        expect(family.name.endsWith('_total')).toBe(family.type === 'COUNTER');
        expect(text).toContain(`# TYPE ${family.name} ${family.type.toLowerCase()}\n`);
    }
    expect(text.endsWith('\n')).toBe(true);
    for (const line of text.split('\n').filter((candidate) => candidate !== '' && !candidate.startsWith('#'))) {
        expect(line).toMatch(/^tickets_[a-z_]+(\{[a-z_]+="[^"\\\n]*"(,[a-z_]+="[^"\\\n]*")*\})? -?\d+(\.\d+)?(e[+-]\d+)?$/);
    }
}

describe.each([1, 3])('GET metrics with %i Rocket.Chat instance(s)', (instances) => {
    const world = new RapidProWorld(instances);
    const bearer = { Authorization: `Bearer ${METRICS_TOKEN}` };
    const metrics = (headers: Record<string, string> = bearer) => world.request('GET', 'metrics', { headers });
    const metricsOn = (instance: number) => metrics({ ...bearer, [INSTANCE_HEADER]: String(instance) });
    const statusJson = async () => (await world.request('GET', 'status', { headers: { Authorization: `Token ${SECRET}` } })).json;

    /** The script's own account of what it did. */
    const script = { visitorMessages: 0, chatdayMessages: 0 };
    let failingSince = 0;
    let failingUntil = 0;
    const answers: Array<HttpAnswer> = [];

    const chatday = (chatId: number, id: string, text: string, signature = CHATDAY_SIGNATURE) => world.request('POST', 'chatday', {
        headers: { 'X-Chatday-Signature-Token': signature },
        body: { chat_id: chatId, message: { id, type: 'text', data: text } },
    });

    beforeAll(async () => {
        await world.start();
        await connectChatday(world, CHATDAY_TOKEN, CHATDAY_SIGNATURE);
        await world.settings({ metrics_token: METRICS_TOKEN });
        await world.host.events.settle();

        // Morning: three RapidPro tickets, two Chatday chats; the end users write.
        const rooms: Array<string> = [];
        for (let i = 1; i <= 3; i += 1) {
            rooms.push(await world.openTicket(`metrics-${instances}-${i}`, `${instances}7700${i}`));
            for (const text of ['hello', 'are you there?']) {
                expect((await world.call('POST', 'visitor-message', { visitor: { token: `${instances}7700${i}` }, text })).status).toBe(201);
                script.visitorMessages += 1;
            }
        }
        const chats = [instances * 1000 + 1, instances * 1000 + 2];
        for (const chat of chats) {
            for (const n of [1, 2]) {
                expect((await chatday(chat, `m-${chat}-${n}`, `chat line ${n}`)).status).toBe(200);
                script.chatdayMessages += 1;
            }
        }
        await world.host.events.settle();
        const chatRooms = await Promise.all(chats.map((chat) => waitFor(`the room of chat ${chat}`, () => world.openRoomOf(`chatday:${chat}`))));

        // Agents answer; one ticket is closed.
        for (const room of rooms.slice(0, 2)) {
            world.host.agentMessage(room, 'agent', 'first answer');
            world.host.agentMessage(room, 'agent', 'second answer');
        }
        for (const room of chatRooms) {
            world.host.agentMessage(room.id, 'agent', 'answer in chatday');
        }
        world.host.closeAsAgent(rooms[1], 'agent', 'solved');
        await world.outboxIdle();

        // Afternoon: RapidPro fails for the third ticket (503 twice), then refuses it (400): parked.
        const failing = `metrics-${instances}-3`;
        let answer = 503;
        world.rapidpro.behaviourFor = (request) => (request.body?.ticketID === failing ? { kind: 'status', status: answer } : undefined);
        failingSince = Date.now();
        world.host.agentMessage(rooms[2], 'agent', 'this one fails');
        await waitFor('two failed attempts', () => world.rapidpro.attempts.filter((attempt) => attempt.request.body?.ticketID === failing && attempt.status === 503).length === 2, 20000);
        answer = 400;
        await waitFor('the reply parked', async () => (await statusJson()).parked.total === 1, 20000);
        failingUntil = Date.now();
        world.rapidpro.behaviourFor = undefined;

        // Evening: callers with wrong secrets, a wrong method, a wrong body type, a bridge switched off.
        for (let i = 0; i < 3; i += 1) {
            answers.push(await world.call('POST', 'visitor-message', { visitor: { token: `${instances}77001` }, text: 'guess' }, { Authorization: 'Token wrong-secret' }));
        }
        answers.push(await chatday(chats[0], 'forged-1', 'forged', 'wrong-signature'));
        answers.push(await chatday(chats[0], 'forged-2', 'forged', 'wrong-signature'));
        answers.push(await world.request('GET', 'status', { headers: { Authorization: 'Token wrong-secret' } }));
        answers.push(await metrics({ Authorization: 'Bearer wrong-token' }));
        answers.push(await world.request('GET', 'gitple'));
        answers.push(await world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': CHATDAY_SIGNATURE, 'content-type': 'text/plain' }, rawBody: 'hello' }));
        answers.push(await world.request('POST', 'closer?token=anything', { body: { type: 'message_received' } }));
        expect(answers.map((refused) => refused.status)).toEqual([401, 401, 401, 401, 401, 401, 401, 405, 415, 503]);

        await world.outboxIdle();
        // Each instance writes the counts it keeps in memory when it answers (as its sweep does).
        for (let instance = 0; instance < instances; instance += 1) {
            expect((await metricsOn(instance)).status).toBe(200);
        }
    }, 120000);
    afterAll(() => world.stop());

    it('answers in the Prometheus text format, named by Prometheus\' conventions', async () => {
        const answer = await metrics();
        expect(answer.status).toBe(200);
        expect(answer.headers['content-type']).toBe(PROMETHEUS_TYPE);
        expectWellFormed(answer.text);
    });

    it('counts the day as the receivers and the script saw it', async () => {
        const samples = samplesOf((await metrics()).text);
        const callbacks = world.rapidpro.attempts;
        const rapidproDelivered = world.rapidpro.delivered().length;
        const chatdayDelivered = world.platform.delivered('/send').length;
        expect([rapidproDelivered, chatdayDelivered]).toEqual([5, 2]);
        expect(samples).toMatchObject({
            [`tickets_app_info{required_engine="${app.requiredApiVersion}",version="${app.version}"}`]: 1,
            'tickets_messages_in_total{source="rapidpro"}': script.visitorMessages,
            'tickets_messages_in_total{source="chatday"}': script.chatdayMessages,
            'tickets_messages_in_total{source="closer"}': 0,
            'tickets_messages_out_total{source="rapidpro"}': rapidproDelivered,
            'tickets_messages_out_total{source="chatday"}': chatdayDelivered,
            'tickets_delivery_attempts_total{outcome="delivered",source="rapidpro"}': rapidproDelivered,
            'tickets_delivery_attempts_total{outcome="failed",source="rapidpro"}': callbacks.filter((attempt) => attempt.status === 503).length,
            'tickets_delivery_attempts_total{outcome="parked",source="rapidpro"}': callbacks.filter((attempt) => attempt.status === 400).length,
            'tickets_delivery_attempts_total{outcome="delivered",source="chatday"}': chatdayDelivered,
            'tickets_delivery_attempts_total{outcome="failed",source="chatday"}': 0,
            'tickets_open_rooms{source="rapidpro"}': 2,
            'tickets_open_rooms{source="chatday"}': 2,
            'tickets_outbox_queued_items{source="rapidpro"}': 0,
            'tickets_outbox_retrying_items{source="rapidpro"}': 0,
            'tickets_outbox_parked_items{source="rapidpro"}': 1,
            'tickets_outbox_parked_items{source="chatday"}': 0,
            'tickets_outbox_oldest_queued_age_seconds{source="rapidpro"}': 0,
            'tickets_source_enabled{source="chatday"}': 1,
            'tickets_source_enabled{source="closer"}': 0,
            'tickets_refused_requests_total{reason="bad-credentials",source="rapidpro"}': 3,
            'tickets_refused_requests_total{reason="bad-credentials",source="chatday"}': 2,
            'tickets_refused_requests_total{reason="bad-credentials",source="app"}': 2,
            'tickets_refused_requests_total{reason="wrong-method",source="gitple"}': 1,
            'tickets_refused_requests_total{reason="unsupported-media-type",source="chatday"}': 1,
            'tickets_refused_requests_total{reason="switched-off",source="closer"}': 1,
            'tickets_refused_requests_total{reason="bad-input",source="rapidpro"}': 0,
            'tickets_refused_requests_total{reason="not-configured",source="uchat"}': 0,
        });
        expect(callbacks.filter((attempt) => attempt.status === 503)).toHaveLength(2);
        expect(callbacks.filter((attempt) => attempt.status === 400)).toHaveLength(1);
        const lastError = samples['tickets_last_delivery_error_timestamp_seconds{source="rapidpro"}'];
        expect(lastError).toBeGreaterThanOrEqual(failingSince / 1000);
        expect(lastError).toBeLessThanOrEqual(failingUntil / 1000);
        expect(samples['tickets_last_delivery_error_timestamp_seconds{source="chatday"}']).toBeUndefined();
        const refusals = Object.entries(samples).filter(([name]) => name.startsWith('tickets_refused_requests_total{'));
        expect(refusals.reduce((sum, [, value]) => sum + value, 0)).toBe(answers.length);
    });

    it('shows the numbers status shows', async () => {
        const samples = samplesOf((await metrics()).text);
        const status = await statusJson();
        for (const source of status.sources) {
            const of = (name: string, labels = '') => samples[`${name}{${labels}source="${source.source}"}`];
            expect([of('tickets_messages_in_total'), of('tickets_messages_out_total'), of('tickets_open_rooms'), of('tickets_outbox_queued_items'), of('tickets_outbox_parked_items')])
                .toEqual([source.messagesIn, source.messagesOut, source.openRooms, source.outbox.queued, source.outbox.parked]);
            expect(of('tickets_delivery_attempts_total', 'outcome="failed",')).toBe(source.deliveryAttempts.failed);
            expect(of('tickets_last_delivery_error_timestamp_seconds')).toBe(source.lastError ? Date.parse(source.lastError.at) / 1000 : undefined);
        }
    });

    it('answers the same numbers whichever instance answers', async () => {
        const each = await Promise.all(Array.from({ length: instances }, async (_, instance) => samplesOf((await metricsOn(instance)).text)));
        for (const samples of each.slice(1)) {
            expect(samples).toEqual(each[0]);
        }
    });

    it('refuses a missing or wrong token with a JSON 401, is off (503) while metrics_token is empty, and shows no secret', async () => {
        const refused = [await metrics({}), await metrics({ Authorization: `Bearer ${METRICS_TOKEN}x` }), await metrics({ Authorization: `Token ${SECRET}` }), await metrics({ Authorization: METRICS_TOKEN })];
        expect(refused.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
        for (const answer of refused) {
            expect(answer.json.error).toMatch(/Bearer/i);
        }
        await world.settings({ metrics_token: '' });
        await world.host.events.settle();
        try {
            const off = await metrics();
            expect(off.status).toBe(503);
            expect(off.json.error).toContain('metrics_token');
            refused.push(off);
        } finally {
            await world.settings({ metrics_token: METRICS_TOKEN });
            await world.host.events.settle();
        }
        const shown = await metrics();
        expect(shown.status).toBe(200);
        expect(samplesOf(shown.text)).toMatchObject({
            'tickets_refused_requests_total{reason="bad-credentials",source="app"}': 2 + 4,
            'tickets_refused_requests_total{reason="switched-off",source="app"}': 1,
        });
        for (const answer of [...refused, ...answers, shown]) {
            for (const secret of [METRICS_TOKEN, SECRET, CHATDAY_TOKEN, CHATDAY_SIGNATURE]) {
                expect(answer.text).not.toContain(secret);
            }
        }
    });
});
