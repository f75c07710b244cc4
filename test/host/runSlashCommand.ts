import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';

import { HostCommandBridge } from './bridges/HostCommandBridge';
import { HostStore } from './HostStore';

export interface SlashCommandCall {
    username: string;
    roomId: string;
    /** Without the slash, e.g. `tickets`. */
    command: string;
    /** Everything typed after the command, e.g. `retry closer`. */
    params?: string;
}

/** Roles that may open any livechat room: Rocket.Chat's default holders of the view-l-room permission. */
const LIVECHAT_ROOM_ROLES = ['admin', 'livechat-manager', 'livechat-monitor', 'livechat-agent'];

/** The user as Rocket.Chat's AppUsersConverter hands it to apps (a new object): of its settings, the language preference only. */
function converted(user: IUser): IUser {
    const language = user.settings?.preferences?.language;
    return { ...user, settings: { preferences: language ? { language } : {} } };
}

/**
 * A user types `/command params` in a room, as Rocket.Chat runs it: the REST `commands.run`
 * (apps/meteor/app/api/server/v1/commands.ts: the command must exist, the user must be able to
 * open the room), then slashCommands.run, then AppCommandsBridge._appCommandExecutor (the user
 * and room converted, the parameters split) and the engine's executeCommand. Resolves when the
 * app's executor has finished; its failure rejects, as the REST call then fails.
 */
export async function runSlashCommand(engine: AppManager, commands: HostCommandBridge, store: HostStore, call: SlashCommandCall): Promise<void> {
    const command = call.command.toLowerCase();
    const registered = commands.find(command);
    if (!registered) {
        throw new Error('The command provided does not exist (or is disabled).');
    }
    if (!registered.appId) {
        throw new Error(`/${command} is one of Rocket.Chat's own commands, which the local host does not run`);
    }
    const user = store.userByUsername(call.username);
    if (!user) {
        throw new Error(`no user ${call.username}`);
    }
    const room = store.rooms.get(call.roomId);
    if (!room) {
        throw new Error(`no room ${call.roomId} (the local host has livechat rooms only)`);
    }
    if (!user.roles.some((role) => LIVECHAT_ROOM_ROLES.includes(role)) && room.servedBy?.id !== user.id) {
        throw new Error('error-not-allowed: the user cannot open this room');
    }
    const params = call.params ?? '';
    // Rocket.Chat's parseParameters also keeps quoted text together; nothing here is quoted, so
    // quoted parameters are refused rather than split differently from the server.
    if (/["']/.test(params)) {
        throw new Error('quoted slash command parameters are not modelled by the local host');
    }
    const args = params.split(/[ \n\r\t]/).filter(Boolean);
    // Rocket.Chat freezes what its converters made (new objects), never its own records.
    await engine.getCommandManager().executeCommand(command, new SlashCommandContext(Object.freeze(converted(user)), Object.freeze({ ...room }), Object.freeze(args) as Array<string>));
}
