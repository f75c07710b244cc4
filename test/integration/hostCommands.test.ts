import { APP_SECRET, BridgeWorld } from '../support/BridgeWorld';

/**
 * The local Rocket.Chat runs slash commands as Rocket.Chat's `commands.run` does: the command
 * must be registered (names are lower case), the user must be able to open the room; it does
 * not pretend to run Rocket.Chat's own commands or to split quoted parameters.
 */
const world = new BridgeWorld();
let roomId = '';

beforeAll(async () => {
    await world.start();
    world.host.livechat.createUser({ username: 'admin.user', roles: ['user', 'admin'] });
    world.host.livechat.createUser({ username: 'outsider', roles: ['user'] });
    const answer = await world.request('POST', 'room', { headers: { Authorization: `Token ${APP_SECRET}` }, body: { visitor: { token: 'host-commands-1', name: 'Ana' }, ticketID: 'host-commands-1' } });
    expect(answer.status).toBe(201);
    roomId = answer.json.id;
});
afterAll(() => world.stop());

describe('slash commands in the local Rocket.Chat', () => {
    it('runs an app\'s command whatever the case it is typed in, and the app answers the user privately', async () => {
        const before = world.host.store.notifications.length;
        await world.host.slashCommand({ username: 'admin.user', roomId, command: 'TICKETS', params: 'help' });
        expect(world.host.store.notifications.slice(before)).toEqual([expect.objectContaining({ roomId, recipients: ['admin.user'] })]);
    });

    it('refuses a command nobody registered, as commands.run does', async () => {
        await expect(world.host.slashCommand({ username: 'admin.user', roomId, command: 'nope' })).rejects.toThrow('The command provided does not exist (or is disabled).');
    });

    it('refuses a user who cannot open the room (no livechat role, not serving it)', async () => {
        const before = world.host.store.notifications.length;
        await expect(world.host.slashCommand({ username: 'outsider', roomId, command: 'tickets', params: 'help' })).rejects.toThrow('error-not-allowed');
        expect(world.host.store.notifications.length).toBe(before);
    });

    it('does not pretend to run Rocket.Chat\'s own commands or to split quoted parameters', async () => {
        await expect(world.host.slashCommand({ username: 'admin.user', roomId, command: 'status' })).rejects.toThrow('one of Rocket.Chat\'s own commands');
        await expect(world.host.slashCommand({ username: 'admin.user', roomId, command: 'tickets', params: 'retry "a b"' })).rejects.toThrow('quoted slash command parameters');
    });
});
