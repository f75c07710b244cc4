import { OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { visitorTokenFor } from '../../src/identity/visitorTokenFor';
import { engineProfile } from '../host/engineProfile';
import { randomId } from '../host/ids';
import { httpCall } from '../support/http';
import { RapidProWorld } from '../support/RapidProWorld';
import { storedSecret } from '../support/signedLinks';
import { waitFor } from '../support/waitFor';

/** Rocket.Chat's public widget API on the same front door (rocketchat-server.md item 22). */
const widget = (world: RapidProWorld) => new URL(world.base).origin;

const callbacksOf = (world: RapidProWorld, ticketID: string) => world.rapidpro.received.filter((call) => call.body?.ticketID === ticketID);

async function openTicket(world: RapidProWorld, ticketID: string, visitor: Record<string, unknown>): Promise<string> {
    const answer = await world.call('GET', 'room', { ticketID, visitor });
    expect(answer.status).toBe(201);
    return answer.json.id;
}

async function contactSays(world: RapidProWorld, token: string, text: string): Promise<string> {
    const answer = await world.call('POST', 'visitor-message', { visitor: { token }, text });
    expect(answer.status).toBe(201);
    return answer.json.id;
}

describe('visitor identity and privacy', () => {
    const world = new RapidProWorld();

    beforeAll(() => world.start());
    afterAll(() => world.stop());

    it('gives contacts that share a phone and an email each their own visitor and room, and their messages land', async () => {
        const phone = '+5511988887777';
        const email = 'family@example.com';
        // Someone already chatted through the widget with that phone and email.
        const stranger = world.host.livechat.upsertVisitor({ token: 'widget-stranger', username: '', name: 'Stranger', phone: [{ phoneNumber: phone }], visitorEmails: [{ address: email }] });
        const first = await openTicket(world, 'shared-1', { token: '81001', name: 'Mother', phone, email });
        const second = await openTicket(world, 'shared-2', { token: '81002', name: 'Son', phone, email });
        const [mother, son] = [world.room(first).visitor, world.room(second).visitor];
        expect(first).not.toBe(second);
        expect(new Set([mother.id, son.id, stranger.id]).size).toBe(3);
        expect([mother.name, son.name]).toEqual(['Mother', 'Son']);
        expect(world.host.store.visitorByToken('widget-stranger')).toEqual(expect.objectContaining({ id: stranger.id, name: 'Stranger' }));

        const fromMother = await contactSays(world, '81001', 'from mother');
        const fromSon = await contactSays(world, '81002', 'from son');
        expect(world.messages(first).some((message) => message.id === fromMother)).toBe(true);
        expect(world.messages(second).some((message) => message.id === fromSon)).toBe(true);

        world.host.agentMessage(second, 'agent', 'hello son');
        const [reply] = await waitFor('the reply callback', () => callbacksOf(world, 'shared-2').length > 0 && callbacksOf(world, 'shared-2'));
        expect(reply.body).toEqual({ type: 'agent-message', ticketID: 'shared-2', visitor: { token: '81002' }, data: { text: 'hello son' } });
        // The contact details stay visible to agents in each room.
        expect(world.messages(second).map((message) => message.text)).toContain(`Contact details: phone ${phone}, email ${email}`);
    });

    it('opens the ticket when the email is not an address Rocket.Chat accepts, leaving it out and logging why', async () => {
        const roomId = await openTicket(world, 'bad-email-1', { token: '81003', name: 'Dora', email: 'dora at example', phone: '+5511911112222' });
        expect(world.room(roomId).isOpen).toBe(true);
        expect(world.messages(roomId).map((message) => message.text)).toContain('Contact details: phone +5511911112222');
        if (engineProfile.logsEveryCall) {
            // Before 1.62 a call's log lines may be stored under another call or lost (engineProfile).
            expect(world.host.appLogLines(world.appId).some((line) => line.text.includes('conversation bad-email-1 is not a valid address'))).toBe(true);
        }
        await contactSays(world, '81003', 'still works');
    });

    it('registers visitors under tokens nobody can derive from the contact id: the widget API finds nothing by a guess', async () => {
        const roomId = await openTicket(world, 'privacy-1', { token: '81010', name: 'Eva', phone: '+5511933334444', email: 'eva@example.com' });
        const token = world.room(roomId).visitor.token;
        expect(token).toMatch(/^[0-9a-f]{64}$/);
        for (const guess of ['81010', 'rapidpro:81010', 'rapidpro-81010']) {
            expect(world.host.store.visitorByToken(guess)).toBeUndefined();
            const answer = await httpCall(`${widget(world)}/api/v1/livechat/visitor/${encodeURIComponent(guess)}`);
            expect(answer.status).toBe(400);
            expect(answer.text).not.toContain('Eva');
        }
        expect((await httpCall(`${widget(world)}/api/v1/livechat/visitor/${token}`)).json.visitor.name).toBe('Eva');
    });

    it('hands nothing of a contact to someone who registers through the widget API with its phone and email', async () => {
        const roomId = await openTicket(world, 'privacy-2', { token: '81020', name: 'Fabio', phone: '+5511955556666', email: 'fabio@example.com' });
        const contact = world.room(roomId).visitor;
        const answer = await httpCall(`${widget(world)}/api/v1/livechat/visitor`, {
            method: 'POST', body: { visitor: { token: 'attacker-token', name: 'Mallory', phone: '+5511955556666', email: 'fabio@example.com' } },
        });
        expect(answer.status).toBe(200);
        expect(answer.json.visitor.token).toBe('attacker-token');
        expect(answer.json.visitor._id ?? answer.json.visitor.id).not.toBe(contact.id);
        expect(world.host.store.visitorByToken(contact.token)?.name).toBe('Fabio');
        const id = await contactSays(world, '81020', 'still mine');
        expect(world.messages(roomId).some((message) => message.id === id)).toBe(true);
    });

    it('keeps one visitor per contact across tickets and app restarts', async () => {
        const first = await openTicket(world, 'stable-1', { token: '81030', name: 'Gil' });
        expect((await world.call('POST', 'room.close', { visitor: { token: '81030' } })).status).toBe(204);
        await world.host.restartApp(world.appId);
        const second = await openTicket(world, 'stable-2', { token: '81030', name: 'Gil' });
        expect(world.room(second).visitor.token).toBe(world.room(first).visitor.token);
        expect(world.room(second).visitor.id).toBe(world.room(first).visitor.id);
    });

    it('sets custom fields on the contact\'s visitor, and logs and skips a value that fails the field\'s validation', async () => {
        world.host.livechat.defineCustomField('cpf', 'visitor', '^\\d{11}$');
        await openTicket(world, 'cf-bad', { token: '81050', name: 'Hugo', customFields: { cpf: '123.456.789-0' } });
        expect(world.host.appLogLines(world.appId).some((line) => line.text.includes('custom field "cpf" was not set on ticket cf-bad') && line.text.includes('Invalid value for cpf field'))).toBe(true);
        const roomId = await openTicket(world, 'cf-good', { token: '81051', name: 'Iris', customFields: { cpf: '12345678901' } });
        expect(world.host.store.visitorByToken(world.room(roomId).visitor.token)?.livechatData).toEqual({ cpf: '12345678901' });
    });

    it('closes as the app\'s user: no isOpen left, closedBy the app user, the comment as livechat-close', async () => {
        const roomId = await openTicket(world, 'closer-1', { token: '81060', name: 'Jo' });
        expect((await world.call('POST', 'room.close', { visitor: { token: '81060' } })).status).toBe(204);
        const room = world.room(roomId);
        expect(room.isOpen).toBeUndefined();
        expect(room.closer).toBe('user');
        expect(room.closedBy?.id).toBe(world.host.appUser(world.appId)?.id);
        expect(world.messages(roomId).find((message) => message.type === 'livechat-close')?.text).toBe('Closed: the ticket closer-1 was closed in RapidPro.');
    });

    describe('a contact message finds its ticket\'s room in one read, by the contact\'s derived visitor token', () => {
        it('never posts into a room someone opened through the widget API with that token: a closed ticket stays 404', async () => {
            const roomId = await openTicket(world, 'widget-room-1', { token: '81070', name: 'Ines' });
            await contactSays(world, '81070', 'while the ticket is open');
            const token = world.room(roomId).visitor.token;
            world.host.closeAsAgent(roomId, 'agent', 'done');
            // Someone who learned the token opens a room of their own through the public API.
            const widgetRoom = (await httpCall(`${widget(world)}/api/v1/livechat/room?token=${token}`)).json.room;
            expect(widgetRoom._id).not.toBe(roomId);
            const roomsBefore = world.host.store.roomsOfVisitor(token).length;
            const answer = await world.call('POST', 'visitor-message', { visitor: { token: '81070' }, text: 'after the close' });
            expect(answer.status).toBe(404);
            expect(answer.json.error).toContain('widget-room-1');
            expect(world.messages(widgetRoom._id).filter((message) => message.text === 'after the close')).toHaveLength(0);
            expect(world.host.store.roomsOfVisitor(token)).toHaveLength(roomsBefore);
        });

        it('takes the room the contact\'s pointer names when the app has several open under the token', async () => {
            await openTicket(world, 'several-0', { token: '81072', name: 'Makes the secret' });
            const secret = storedSecret(world.host)!;
            // A room of this app under the contact's token that no ticket holds yet, as while two
            // instances open one ticket at once (the loser's room is closed a moment later).
            const token = visitorTokenFor(secret, 'rapidpro', '81073');
            const visitor = world.host.livechat.upsertVisitor({ token, username: '', name: 'Lena' });
            const other = world.host.livechat.createRoom(visitor, undefined, { type: OmnichannelSourceType.APP, id: world.appId, alias: 'Tickets', label: 'RapidPro' } as never);
            const roomId = await openTicket(world, 'several-1', { token: '81073', name: 'Lena' });
            expect(world.host.store.openRoomsOfVisitor(token).map((room) => room.id)).toEqual([other.id, roomId]);
            const id = await contactSays(world, '81073', 'to the ticket');
            expect(world.messages(roomId).some((message) => message.id === id)).toBe(true);
            expect(world.messages(other.id).some((message) => message.id === id)).toBe(false);
        });

        it('closes a room whose link could not be written, so no message of the contact lands where no ticket knows it', async () => {
            const failing = new Error('MongoServerError: not primary');
            world.host.store.persistenceWriteFaults.push((associations) => associations.some((association) => (association as unknown as { id: string }).id === 'conversation:rapidpro:unlinked-1') ? failing : undefined);
            try {
                const answer = await world.call('GET', 'room', { ticketID: 'unlinked-1', visitor: { token: '81071', name: 'Otto' } });
                expect(answer.status).toBe(500);
            } finally {
                world.host.store.persistenceWriteFaults.length = 0;
            }
            const [orphan] = [...world.host.store.rooms.values()].filter((room) => room.displayName === 'Otto');
            expect(orphan.isOpen).toBeUndefined();
            expect(world.messages(orphan.id).find((message) => message.type === 'livechat-close')?.text).toContain('could not record this conversation');
            const refused = await world.call('POST', 'visitor-message', { visitor: { token: '81071' }, text: 'into nowhere' });
            expect(refused.status).toBe(404);
            expect(world.messages(orphan.id).filter((message) => message.text === 'into nowhere')).toHaveLength(0);
            // RapidPro tries again: a room of its own, and the contact's messages land there.
            const roomId = await openTicket(world, 'unlinked-1', { token: '81071', name: 'Otto' });
            expect(roomId).not.toBe(orphan.id);
            const id = await contactSays(world, '81071', 'now linked');
            expect(world.messages(roomId).some((message) => message.id === id)).toBe(true);
        });
    });

    describe('conversations opened before visitor tokens were derived', () => {
        const misc = (id: string) => ({ model: 'misc', id }) as unknown as RocketChatAssociationRecord;
        const store = (associations: Array<RocketChatAssociationRecord>, data: object) => {
            const id = randomId();
            world.host.store.putPersistence({ id, appId: world.appId, associations, data });
        };

        /** A ticket as the app before this change left it (commit e6fb537): visitor token = contact id, with email and phone; link without contactKey. */
        async function seedOldTicket(contactId: string, ticketID: string, email: string): Promise<string> {
            const department = world.host.store.departmentByIdOrName('Support')!.id;
            const visitor = world.host.livechat.upsertVisitor({ token: contactId, username: '', name: `Old ${contactId}`, department, visitorEmails: [{ address: email }], phone: [{ phoneNumber: `+55${contactId}` }] });
            const room = world.host.livechat.createRoom(visitor, undefined, { type: OmnichannelSourceType.APP, id: world.appId, alias: 'Tickets', label: 'RapidPro' } as never);
            const link = { source: 'rapidpro', conversationKey: ticketID, visitorToken: contactId, roomId: room.id, open: true, externalIds: { ticketID }, createdAt: new Date().toISOString() };
            store([misc('kind:link'), { model: 'room', id: room.id } as unknown as RocketChatAssociationRecord, misc(`conversation:rapidpro:${ticketID}`)], link);
            store([misc('kind:open-link'), misc('open-links:rapidpro'), misc(`open-link:${room.id}`)], { roomId: room.id });
            store([misc('kind:visitor-link'), misc(`visitor:rapidpro:${contactId}`)], { conversationKey: ticketID });
            return room.id;
        }

        let oldRoom: string;

        beforeAll(async () => {
            oldRoom = await seedOldTicket('81040', 'old-ticket-1', 'old.contact@example.com');
            // The upgrade: Rocket.Chat restarts the engine with the new version on the same data.
            await world.host.reloadEngine();
        });

        it('keep taking the contact\'s messages and sending agents\' replies with the contact id', async () => {
            const id = await contactSays(world, '81040', 'after the upgrade');
            expect(world.messages(oldRoom).some((message) => message.id === id)).toBe(true);
            world.host.agentMessage(oldRoom, 'agent', 'still here');
            const [reply] = await waitFor('the reply', () => callbacksOf(world, 'old-ticket-1').length > 0 && callbacksOf(world, 'old-ticket-1'));
            expect(reply.body).toEqual({ type: 'agent-message', ticketID: 'old-ticket-1', visitor: { token: '81040' }, data: { text: 'still here' } });
        });

        it('keep taking messages after a widget registration with the old visitor\'s email re-keyed it', async () => {
            const answer = await httpCall(`${widget(world)}/api/v1/livechat/visitor`, { method: 'POST', body: { visitor: { token: 'widget-81040', email: 'old.contact@example.com' } } });
            expect(answer.json.visitor.token).toBe('widget-81040');
            const id = await contactSays(world, '81040', 'after the re-keying');
            expect(world.messages(oldRoom).some((message) => message.id === id)).toBe(true);
        });

        it('move the contact to a derived token with its next ticket, closing the old room with RapidPro told', async () => {
            const fresh = await openTicket(world, 'new-ticket-1', { token: '81040', name: 'Old 81040' });
            expect(world.room(oldRoom).isOpen).toBeUndefined();
            const [close] = await waitFor('close-room for the old ticket', () => callbacksOf(world, 'old-ticket-1').some((call) => call.body.type === 'close-room') && callbacksOf(world, 'old-ticket-1').filter((call) => call.body.type === 'close-room'));
            expect(close.body).toEqual({ type: 'close-room', ticketID: 'old-ticket-1', visitor: { token: '81040' } });
            expect(world.room(fresh).visitor.token).toMatch(/^[0-9a-f]{64}$/);
            const id = await contactSays(world, '81040', 'in the new room');
            expect(world.messages(fresh).some((message) => message.id === id)).toBe(true);
            expect((await world.call('POST', 'room.close', { visitor: { token: '81040' } })).status).toBe(204);
            expect(world.room(fresh).isOpen).toBeUndefined();
        });
    });
});

describe('visitor tokens in another installation', () => {
    const tokens: Array<string> = [];

    for (const installation of ['first', 'second']) {
        describe(`the ${installation} installation`, () => {
            const world = new RapidProWorld();
            beforeAll(() => world.start());
            afterAll(() => world.stop());

            it('derives its own token for the same contact id', async () => {
                const roomId = await openTicket(world, `install-${installation}`, { token: '81070', name: 'Kim' });
                tokens.push(world.room(roomId).visitor.token);
                if (tokens.length === 2) {
                    expect(tokens[0]).not.toBe(tokens[1]);
                }
            });
        });
    }
});
