import { createHmac } from 'crypto';

import { RapidProWorld } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/** Bursts and races: nothing lost, nothing doubled, one room per ticket. */
describe('under concurrency', () => {
    const world = new RapidProWorld();

    beforeAll(async () => {
        await world.start();
        await world.host.setSetting(world.appId, 'chatday_enabled', true);
        await world.host.setSetting(world.appId, 'chatday_token', 'cd-token');
        await world.host.setSetting(world.appId, 'chatday_signature_token', 'cd-signature');
    });
    afterAll(() => world.stop());

    it('stores a burst of 200 concurrent visitor messages into one room exactly once each', async () => {
        const roomId = await world.openTicket('burst-1', '70000');
        const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => world.call('POST', 'visitor-message', { visitor: { token: '70000' }, text: `burst ${i}` })));
        expect(answers.every((answer) => answer.status === 201)).toBe(true);
        expect(new Set(answers.map((answer) => answer.json.id)).size).toBe(200);
        const texts = world.messages(roomId).map((message) => message.text).filter((text) => text?.startsWith('burst '));
        expect(texts).toHaveLength(200);
        expect(new Set(texts).size).toBe(200);
    }, 60000);

    it('keeps the order of 200 messages sent back to back', async () => {
        const roomId = await world.openTicket('burst-2', '70001');
        for (let i = 0; i < 200; i++) {
            expect((await world.call('POST', 'visitor-message', { visitor: { token: '70001' }, text: `seq ${i}` })).status).toBe(201);
        }
        expect(world.messages(roomId).map((message) => message.text).filter((text) => text?.startsWith('seq '))).toEqual(Array.from({ length: 200 }, (_, i) => `seq ${i}`));
    }, 60000);

    it('opens 50 different tickets at once: 50 rooms, 50 ids', async () => {
        const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => world.call('GET', 'room', { ticketID: `many-${i}`, visitor: { token: `71${String(i).padStart(3, '0')}` } })));
        expect(answers.every((answer) => answer.status === 201)).toBe(true);
        expect(new Set(answers.map((answer) => answer.json.id)).size).toBe(50);
        for (let i = 0; i < 50; i++) {
            expect(world.roomsOf(`71${String(i).padStart(3, '0')}`).filter((room) => room.isOpen)).toHaveLength(1);
        }
    }, 60000);

    it('answers 20 concurrent /room calls for one ticketID with one room and one id', async () => {
        const answers = await Promise.all(Array.from({ length: 20 }, () => world.call('GET', 'room', { ticketID: 'race-1', visitor: { token: '72000' } })));
        expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
        expect(new Set(answers.map((answer) => answer.json.id)).size).toBe(1);
        expect(world.roomsOf('72000')).toHaveLength(1);
    });

    it('posts one message for 10 concurrent deliveries of the same Chatday message', async () => {
        const body = { message: { id: 'dup-42', type: 'text', data: 'only once' }, chat_id: 4242 };
        const answers = await Promise.all(Array.from({ length: 10 }, () => world.call('POST', 'chatday', body, { 'X-Chatday-Signature-Token': 'cd-signature' })));
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        const rooms = world.roomsOf('chatday:4242');
        expect(rooms).toHaveLength(1);
        expect(world.messages(rooms[0].id).filter((message) => message.text === 'only once')).toHaveLength(1);
    });

    it('delivers 100 agent replies in a burst to RapidPro once each, in order', async () => {
        const roomId = await world.openTicket('burst-out', '73000');
        // One agent's messages are separate requests, each stamped by Rocket.Chat to the millisecond;
        // two in the same millisecond carry no order the app could know, so the burst is a
        // millisecond apart (the app's handlers still run concurrently and finish in any order).
        for (let i = 0; i < 100; i++) {
            world.host.agentMessage(roomId, 'agent', `out ${i}`);
            await new Promise((resolve) => setTimeout(resolve, 2));
        }
        const ours = () => world.rapidpro.delivered().filter((call) => call.body?.ticketID === 'burst-out');
        await waitFor('100 callbacks', () => ours().length >= 100, 60000);
        await world.outboxIdle();
        expect(ours().map((call) => call.body.data.text)).toEqual(Array.from({ length: 100 }, (_, i) => `out ${i}`));
    }, 90000);

    it('is not confused by concurrent signed events for many users', async () => {
        await world.host.setSetting(world.appId, 'gitple_enabled', true);
        await world.host.setSetting(world.appId, 'gitple_event_secret', 'g-secret');
        const events = Array.from({ length: 20 }, (_, i) => ({ triggerId: `c-${i}`, appCode: 'app', type: 'session_state_open', session: { id: `cs-${i}`, userId: `cu-${i}` } }));
        const answers = await Promise.all(events.map((event) => {
            const raw = JSON.stringify(event);
            return world.call('POST', 'gitple', JSON.parse(raw), { 'X-Hub-Signature': `sha256=${createHmac('sha256', 'g-secret').update(raw).digest('hex')}` });
        }));
        expect(answers.every((answer) => answer.status === 200)).toBe(true);
        for (let i = 0; i < 20; i++) {
            expect(world.roomsOf(`gitple:app:cu-${i}`).filter((room) => room.isOpen)).toHaveLength(1);
        }
    });
});
