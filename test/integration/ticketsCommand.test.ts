import { RapidProWorld, SECRET } from '../support/RapidProWorld';
import { waitFor } from '../support/waitFor';

/**
 * The `/tickets` slash command: administrators see status and retry parked deliveries from
 * inside Rocket.Chat, answered with a private (ephemeral) message in their language; anyone
 * else gets a polite refusal and nothing happens.
 */
const world = new RapidProWorld();
let roomId = '';
let ticketID = '';

/** Runs `/tickets <params>` as a user in the ticket's room; returns the one private message that user got. */
async function tickets(username: string, params: string, room = roomId): Promise<string> {
    const before = world.host.store.notifications.length;
    await world.host.slashCommand({ username, roomId: room, command: 'tickets', params });
    const notes = world.host.store.notifications.slice(before);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toEqual(expect.objectContaining({ roomId: room, recipients: [username], senderId: world.host.appUser(world.appId)?.id }));
    return notes[0].text;
}

async function parked(): Promise<{ total: number; items: Array<{ id: string; room: string; reason: string }> }> {
    return (await world.call('GET', 'status')).json.parked;
}

async function parkOne(text: string): Promise<{ id: string; room: string; reason: string }> {
    world.rapidpro.behaviour = { kind: 'status', status: 400, body: { error: 'ticket is closed' } };
    world.host.agentMessage(roomId, 'agent', text);
    const item = await waitFor('the parked item', async () => (await parked()).total === 1 && (await parked()).items[0]);
    world.rapidpro.behaviour = { kind: 'ok' };
    return item;
}

const delivered = (): Array<string> => world.rapidpro.delivered().filter((request) => request.body?.ticketID === ticketID).map((request) => request.body.data?.text);

beforeAll(async () => {
    await world.start();
    world.host.livechat.createUser({ username: 'boss', roles: ['user', 'admin'] });
    world.host.livechat.createUser({ username: 'chefe', roles: ['user', 'admin'], settings: { preferences: { language: 'pt-BR' } } });
    world.host.livechat.createUser({ username: 'sajang', roles: ['user', 'admin'], settings: { preferences: { language: 'ko' } } });
    world.host.livechat.createUser({ username: 'nai', roles: ['user', 'admin'], settings: { preferences: { language: 'th' } } });
    world.host.livechat.createUser({ username: 'chef', roles: ['user', 'admin'], settings: { preferences: { language: 'de' } } });
    ticketID = 'tickets-command-1';
    roomId = await world.openTicket(ticketID, '930001');
});
afterAll(() => world.stop());
afterEach(async () => {
    world.rapidpro.behaviour = { kind: 'ok' };
    world.host.setServerSetting('Language', '');
    await world.call('POST', 'outbox.retry', {});
    await world.outboxIdle();
});

describe('/tickets', () => {
    it('answers an agent who is not an administrator with a polite refusal, and retries nothing', async () => {
        const item = await parkOne('stays parked for the agent');
        expect(await tickets('agent', 'retry')).toBe('Sorry, /tickets is for administrators only.');
        expect(await tickets('agent', 'status')).toBe('Sorry, /tickets is for administrators only.');
        expect((await parked()).items.map((entry) => entry.id)).toEqual([item.id]);
        expect(world.host.appLogLines(world.appId).some((line) => line.text.includes('/tickets refused to agent: not an administrator'))).toBe(true);
    });

    it('help: lists the subcommands (also for no subcommand, and after an unknown one)', async () => {
        const help = await tickets('boss', 'help');
        expect(help).toContain('`/tickets status`');
        expect(help).toContain('`/tickets retry <source>`');
        expect(help).toContain('`/tickets retry <item id>`');
        expect(await tickets('boss', '')).toBe(help);
        expect(await tickets('boss', 'restart now')).toBe(`Unknown subcommand "restart".\n${help}`);
    });

    it('status: each source in a line, what is missing for those switched on, and the parked deliveries with their ids', async () => {
        await world.settings({ closer_enabled: true, closer_webhook_token: 'tickets-command-closer-token' });
        try {
            const item = await parkOne('parked for the status');
            const status = await tickets('boss', 'status');
            const lines = status.split('\n');
            expect(lines[0]).toBe('*Tickets: status*');
            expect(lines).toContain('*RapidPro* (on): configured · 1 open room · 0 queued · 1 parked');
            expect(lines).toContain('*Gitple*: off');
            expect(lines).toContain('*CLOSER* (on): not configured · 0 open rooms · 0 queued · 0 parked');
            expect(lines).toContain('• closer_reply_url is empty: CLOSER\'s calls are refused and replies cannot be sent');
            expect(lines).toContain('*Parked deliveries* (1, newest first)');
            const line = lines.find((candidate) => candidate.includes(item.id));
            expect(line).toMatch(new RegExp(`^• rapidpro agent-message in room \`${roomId}\`, parked \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC after 0 attempts: refused by the receiver: HTTP 400: ticket is closed \\(id \`${item.id}\`\\)$`));
            expect(status).not.toContain(SECRET);
            expect(status).not.toContain('tickets-command-closer-token');
        } finally {
            await world.settings({ closer_enabled: false, closer_webhook_token: '' });
        }
    });

    it('retry <source>: sends that source\'s parked deliveries again', async () => {
        await parkOne('sent again by source');
        expect(await tickets('boss', 'retry rapidpro')).toBe('1 parked delivery sent again: each goes back to its conversation\'s queue in the order its events happened.');
        await waitFor('the delivery', () => delivered().includes('sent again by source'));
        expect((await parked()).total).toBe(0);
        expect(await tickets('boss', 'retry rapidpro')).toBe('Nothing was parked: there is nothing to send again.');
    });

    it('retry <item id> and retry: one item, then every one', async () => {
        const item = await parkOne('sent again by id');
        expect(await tickets('boss', `retry ${item.id}`)).toBe('1 parked delivery sent again: each goes back to its conversation\'s queue in the order its events happened.');
        await waitFor('the delivery', () => delivered().includes('sent again by id'));
        await parkOne('sent again with the rest');
        expect(await tickets('boss', 'retry')).toContain('1 parked delivery sent again');
        await waitFor('the delivery', () => delivered().includes('sent again with the rest'));
    });

    it('retry <something else>: says it is neither a source nor a parked item, and changes nothing', async () => {
        const item = await parkOne('not touched by a typo');
        expect(await tickets('boss', 'retry telegram')).toBe('"telegram" is neither a source (rapidpro, gitple, chatday, uchat, closer) nor the id of a parked delivery.');
        expect(await tickets('boss', 'retry rapidpro closer')).toContain('"rapidpro closer" is neither a source');
        expect((await parked()).items.map((entry) => entry.id)).toEqual([item.id]);
    });

    it('answers in the user\'s language where the app has it: Portuguese, Korean, Thai', async () => {
        expect(await tickets('chefe', 'retry')).toBe('Nada estava estacionado: não há nada para enviar de novo.');
        expect(await tickets('sajang', 'retry')).toBe('보류된 전송이 없어 다시 보낼 것이 없습니다.');
        expect(await tickets('nai', 'retry')).toBe('ไม่มีการส่งที่ถูกพักไว้ จึงไม่มีอะไรต้องส่งอีกครั้ง');
        const status = await tickets('chefe', 'status');
        expect(status.split('\n')).toContain('*RapidPro* (ligado): configurado · 1 sala aberta · 0 na fila · 0 estacionadas');
        expect(status).toContain('Nenhuma entrega está estacionada.');
    });

    it('falls back to the server\'s default language, then to English', async () => {
        expect(await tickets('chef', 'retry')).toBe('Nothing was parked: there is nothing to send again.');
        world.host.setServerSetting('Language', 'es');
        expect(await tickets('boss', 'retry')).toBe('No había nada aparcado: no hay nada que enviar de nuevo.');
        // A user's own preference wins over the server's default.
        expect(await tickets('chefe', 'retry')).toBe('Nada estava estacionado: não há nada para enviar de novo.');
        const refusal = await tickets('agent', 'status');
        expect(refusal).toBe('Lo sentimos, /tickets es solo para administradores.');
    });
});
