import { RapidProWorld, SECRET } from '../support/RapidProWorld';

/** The five endpoints as RapidPro's two clients call them (rapidpro-wire.md). */
describe('RapidPro endpoints', () => {
    const world = new RapidProWorld();

    beforeAll(() => world.start());
    afterAll(() => world.stop());

    describe('connect', () => {
        it('PUT /settings answers exactly 204 with no body, and GET /settings shows the callback', async () => {
            const put = await world.call('PUT', 'settings', { webhook: { url: world.rapidpro.callbackUrl } });
            expect(put.status).toBe(204);
            expect(put.text).toBe('');
            const get = await world.call('GET', 'settings');
            expect(get.status).toBe(200);
            expect(get.json).toEqual({ webhook: { url: world.rapidpro.callbackUrl } });
        });

        it('accepts RapidPro on a host:port or a private name', async () => {
            for (const url of ['http://rapidpro:8000/mr/tickets/types/rocketchat/event_callback/x', 'https://10.1.2.3:8443/mr/x']) {
                expect((await world.call('PUT', 'settings', { webhook: { url } })).status).toBe(204);
            }
            expect((await world.call('PUT', 'settings', { webhook: { url: world.rapidpro.callbackUrl } })).status).toBe(204);
        });

        it('refuses a bad callback URL with 400 naming the field, and keeps the stored one', async () => {
            for (const body of [{}, { webhook: {} }, { webhook: { url: 'not a url' } }, { webhook: { url: 'ftp://rapidpro/x' } }, { webhook: 'x' }, []]) {
                const answer = await world.call('PUT', 'settings', body);
                expect(answer.status).toBe(400);
                expect(answer.json.error).toMatch(/webhook|body/);
            }
            expect((await world.call('GET', 'settings')).json.webhook.url).toBe(world.rapidpro.callbackUrl);
        });

        it('answers GET /secret.check 200', async () => {
            expect((await world.call('GET', 'secret.check')).status).toBe(200);
        });

        it('refuses every endpoint without the right token, with 401 JSON and no change', async () => {
            const roomsBefore = world.rooms().length;
            for (const [method, path, body] of [
                ['PUT', 'settings', { webhook: { url: 'http://evil.example/x' } }],
                ['GET', 'room', { ticketID: 'x', visitor: { token: '1' } }],
                ['GET', 'room.close', { visitor: { token: '1' } }],
                ['POST', 'visitor-message', { visitor: { token: '1' }, text: 'x' }],
            ] as Array<[string, string, unknown]>) {
                for (const headers of [{}, { Authorization: 'Token wrong' }, { Authorization: SECRET }] as Array<Record<string, string>>) {
                    const answer = await world.call(method, path, body, headers);
                    expect(answer.status).toBe(401);
                    expect(typeof answer.json.error).toBe('string');
                }
            }
            expect(world.rooms().length).toBe(roomsBefore);
            expect((await world.call('GET', 'settings')).json.webhook.url).toBe(world.rapidpro.callbackUrl);
        });
    });

    describe('open ticket (/room)', () => {
        it('takes the upstream client byte for byte: GET with a compact JSON body → 201 {"id"}', async () => {
            const raw = '{"visitor":{"token":"10000","contactUUID":"a9f2d4c1-1b2c-4d5e-8f90-123456789abc","name":"Ana Souza","email":"ana@example.com","phone":"+15551234567"},"ticketID":"5b3f2f1e-1111-4a4a-8b8b-aaaaaaaaaaaa"}';
            const answer = await fetchRaw('GET', 'room', raw);
            expect(answer.status).toBe(201);
            const room = world.room(answer.json.id);
            expect(Object.keys(answer.json)).toEqual(['id']);
            expect(room.isOpen).toBe(true);
            // The contact's id never becomes its Rocket.Chat token (widget API privacy); email and phone stay off the visitor, shown in the room instead.
            expect(room.visitor.token).toMatch(/^[0-9a-f]{64}$/);
            expect(world.roomsOf('10000').map((candidate) => candidate.id)).toEqual([room.id]);
            expect(room.visitor.visitorEmails ?? []).toEqual([]);
            expect(room.visitor.phone ?? []).toEqual([]);
            expect(world.messages(room.id).map((message) => message.text)).toContain('Contact details: phone +15551234567, email ana@example.com');
            expect(room.visitor.name).toBe('Ana Souza');
            expect(room.servedBy?.username).toBe('agent');
        });

        it('takes the fork: sessionStart, department by name, custom fields on the visitor', async () => {
            world.host.store.customFields.set('plan', 'visitor');
            world.host.store.customFields.set('channel', 'room');
            const sales = world.host.livechat.createDepartment('Sales');
            world.host.livechat.addAgent('seller', [sales.id], true);
            const raw = '{"visitor":{"token":"10001","contactUUID":"b9f2d4c1-1b2c-4d5e-8f90-123456789abc","name":"Bruno","department":"Sales","customFields":{"plan":"gold","channel":"whatsapp"}},"ticketID":"6b3f2f1e-1111-4a4a-8b8b-aaaaaaaaaaaa","sessionStart":"2019-10-07T15:20:30Z"}';
            const answer = await fetchRaw('GET', 'room', raw);
            expect(answer.status).toBe(201);
            const room = world.room(answer.json.id);
            expect(room.department?.name).toBe('Sales');
            expect(room.servedBy?.username).toBe('seller');
            expect(world.host.store.visitorByToken(room.visitor.token)?.livechatData).toEqual({ plan: 'gold' });
            expect(room.livechatData).toEqual({ channel: 'whatsapp' });
        });

        it('takes the seed spellings: ticketId, contactUuid, deparment (by id), priority, POST', async () => {
            const billing = world.host.livechat.createDepartment('Billing');
            world.host.livechat.addAgent('biller', [billing.id], true);
            const answer = await world.call('POST', 'room', {
                ticketId: '11137eb1-c831-4ddc-ba26-0bb77837f15e', priority: 'high', sessionStart: '2020-07-17 10:28',
                visitor: { token: '1234', contactUuid: '88ff1e41-c1f8-4637-af8e-d56acbde9171', deparment: billing.id, name: 'John Doe' },
            });
            expect(answer.status).toBe(201);
            expect(world.room(answer.json.id).department?.id).toBe(billing.id);
        });

        it('opens a ticket for a contact with no name, email or phone', async () => {
            const answer = await world.call('GET', 'room', { visitor: { token: '10002' }, ticketID: 'nameless-1' });
            expect(answer.status).toBe(201);
            expect(world.room(answer.json.id).visitor.name).toBeTruthy();
        });

        it('answers the same ticketID with the same room, sequentially and under concurrent retries', async () => {
            const first = await world.call('GET', 'room', { visitor: { token: '10003' }, ticketID: 'retry-1' });
            const again = await world.call('GET', 'room', { visitor: { token: '10003' }, ticketID: 'retry-1' });
            expect(again.status).toBe(201);
            expect(again.json.id).toBe(first.json.id);
            const burst = await Promise.all(Array.from({ length: 10 }, () => world.call('GET', 'room', { visitor: { token: '10004' }, ticketID: 'retry-2' })));
            expect(new Set(burst.map((answer) => answer.status))).toEqual(new Set([201]));
            expect(new Set(burst.map((answer) => answer.json.id)).size).toBe(1);
            expect(world.roomsOf('10004')).toHaveLength(1);
        });

        it('answers an unknown department with 404 naming it, and opens nothing', async () => {
            const before = world.rooms().length;
            const answer = await world.call('GET', 'room', { visitor: { token: '10005', department: 'Nowhere' }, ticketID: 'dept-1' });
            expect(answer.status).toBe(404);
            expect(answer.json.error).toContain('Nowhere');
            expect(world.rooms().length).toBe(before);
        });

        it('uses the default_department setting when the ticket names none', async () => {
            const vip = world.host.livechat.createDepartment('VIP');
            world.host.livechat.addAgent('vip.agent', [vip.id], true);
            await world.host.setSetting(world.appId, 'default_department', 'VIP');
            const id = await world.openTicket('default-dept-1', '10006');
            expect(world.room(id).department?.name).toBe('VIP');
            await world.host.setSetting(world.appId, 'default_department', '');
        });

        it('refuses bad tickets with 400 naming the field', async () => {
            const cases: Array<[unknown, RegExp]> = [
                [{ visitor: { token: '1' } }, /ticketID/],
                [{ ticketID: 'x' }, /visitor/],
                [{ ticketID: 'x', visitor: {} }, /visitor\.token/],
                [{ ticketID: 'x', visitor: { token: {} } }, /visitor\.token/],
                [{ ticketID: ['x'], visitor: { token: '1' } }, /ticketID/],
                [{ ticketID: 'x', visitor: { token: '1', customFields: 'x' } }, /customFields/],
                [{ ticketID: 'x', visitor: { token: '1' }, sessionStart: 'yesterday' }, /sessionStart/],
                // (a bare JSON string never reaches the app: Rocket.Chat's body parser answers 400 itself)
                [['just text'], /body/],
            ];
            const before = world.rooms().length;
            for (const [body, field] of cases) {
                const answer = await world.call('GET', 'room', body);
                expect(answer.status).toBe(400);
                expect(answer.json.error).toMatch(field);
            }
            expect(world.rooms().length).toBe(before);
        });
    });

    it('ignores fields it does not know (clients add fields over time), at every level', async () => {
        const answer = await world.call('GET', 'room', { ticketID: 'unknown-fields', futureField: { a: 1 }, visitor: { token: '30001', newThing: [1, 2], customFields: {} } });
        expect(answer.status).toBe(201);
        const message = await world.call('POST', 'visitor-message', { visitor: { token: '30001', extra: true }, text: 'hi', channel: 'whatsapp', attachments: [{ url: 'https://rp.example/a.png', type: 'image/png', size: 10 }] });
        expect(message.status).toBe(201);
    });

    it('accepts numbers where RapidPro sends text (a numeric token or name)', async () => {
        const answer = await world.call('GET', 'room', { ticketID: 'numeric-1', visitor: { token: 30000, name: 5 } });
        expect(answer.status).toBe(201);
        expect(world.roomsOf('30000').map((room) => room.id)).toEqual([answer.json.id]);
    });

    describe('forward a visitor message (/visitor-message)', () => {
        let roomId: string;

        beforeAll(async () => {
            roomId = await world.openTicket('messages-1', '20000');
        });

        it('posts the text as the visitor → 201 {"id"}', async () => {
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '20000' }, text: 'Olá! Preciso de ajuda 🙂' });
            expect(answer.status).toBe(201);
            const message = world.messages(roomId).find((candidate) => candidate.id === answer.json.id);
            expect(message?.text).toBe('Olá! Preciso de ajuda 🙂');
            expect((message as { token?: string }).token).toBe(world.room(roomId).visitor.token);
        });

        it('keeps every attachment: images as images, audio and video playable, others as named links', async () => {
            const attachments = [
                { type: 'image/jpeg', url: 'https://rapidpro.example/media/photo.jpg' },
                { type: 'audio/ogg', url: 'https://rapidpro.example/media/voice.ogg' },
                { type: 'video/mp4', url: 'https://rapidpro.example/media/clip.mp4' },
                { type: 'application/pdf', url: 'https://rapidpro.example/media/invoice.pdf' },
                { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', url: 'https://rapidpro.example/media/contract.docx?sig=1' },
                { url: 'https://rapidpro.example/media/unknown.bin' },
            ];
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '20000' }, attachments });
            expect(answer.status).toBe(201);
            const message = world.messages(roomId).find((candidate) => candidate.id === answer.json.id)!;
            const posted = message.attachments ?? [];
            expect(posted).toHaveLength(6);
            expect(posted[0].imageUrl).toBe(attachments[0].url);
            expect(posted[1].audioUrl).toBe(attachments[1].url);
            expect(posted[2].videoUrl).toBe(attachments[2].url);
            expect(posted[3].title).toEqual(expect.objectContaining({ value: 'invoice.pdf', link: attachments[3].url }));
            expect(posted[4].title).toEqual(expect.objectContaining({ value: 'contract.docx', link: attachments[4].url }));
            expect(posted[5].title?.link).toBe(attachments[5].url);
        });

        it('refuses a message with neither text nor attachments (400), an unknown token (404)', async () => {
            expect((await world.call('POST', 'visitor-message', { visitor: { token: '20000' } })).status).toBe(400);
            expect((await world.call('POST', 'visitor-message', { visitor: { token: '20000' }, text: '   ' })).status).toBe(400);
            const unknown = await world.call('POST', 'visitor-message', { visitor: { token: 'nobody' }, text: 'hi' });
            expect(unknown.status).toBe(404);
            expect(unknown.json.error).toContain('nobody');
        });

        it('answers 404 saying so when the room was closed in Rocket.Chat', async () => {
            const closedRoom = await world.openTicket('messages-closed', '20001');
            world.host.closeAsAgent(closedRoom, 'agent', 'done');
            await world.host.events.settle();
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '20001' }, text: 'still there?' });
            expect(answer.status).toBe(404);
            expect(answer.json.error).toMatch(/closed/);
        });

        it('answers wrong methods with 405 JSON', async () => {
            expect((await world.call('GET', 'visitor-message', { visitor: { token: '20000' }, text: 'x' })).status).toBe(405);
            expect((await world.call('DELETE', 'room', {})).status).toBe(405);
        });
    });

    /** Sends exactly these bytes, as RapidPro's Go client does (compact JSON, no trailing newline). */
    async function fetchRaw(method: string, path: string, raw: string) {
        const { httpCall } = await import('../support/http');
        return httpCall(`${world.base}/${path}`, { method, headers: { Authorization: `Token ${SECRET}`, 'Content-Type': 'application/json' }, rawBody: raw });
    }
});
