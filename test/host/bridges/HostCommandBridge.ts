import { ISlashCommand } from '@rocket.chat/apps-engine/definition/slashcommands';
import { CommandBridge } from '@rocket.chat/apps-engine/server/bridges/CommandBridge';

/**
 * Rocket.Chat's own slash commands (apps/meteor/app/slashcommands-* and
 * slashcommand-asciiarts): an app that provides one of these names is refused, as on the server.
 */
const CORE_COMMANDS = [
    'archive', 'unarchive', 'create', 'help', 'hide', 'invite', 'invite-all-to', 'invite-all-from', 'join', 'kick',
    'leave', 'part', 'me', 'msg', 'mute', 'unmute', 'status', 'topic', 'gimme', 'lennyface', 'shrug', 'tableflip', 'unflip',
];

/** A command as Rocket.Chat's slashCommands registry keeps it. */
export interface RegisteredCommand {
    /** Empty for Rocket.Chat's own commands. */
    appId: string;
    command: string;
    params: string;
    description: string;
    providesPreview: boolean;
}

const INVALID_COMMAND = 'Invalid Slash Command parameter provided, it must be a valid ISlashCommand object.';

/**
 * The slash command registry, as Rocket.Chat's AppCommandsBridge
 * (apps/meteor/app/apps/server/bridges/commands.ts) keeps it: names are lower case; a name taken
 * by Rocket.Chat or another app exists (the engine then refuses the app's command); disabled
 * commands are set aside and still exist.
 */
export class HostCommandBridge extends CommandBridge {
    private readonly commands = new Map<string, RegisteredCommand>(CORE_COMMANDS.map((command) => [command, { appId: '', command, params: '', description: '', providesPreview: false }]));
    private readonly disabled = new Map<string, RegisteredCommand>();

    /** The enabled command of that name (what `commands.run` finds), if any. */
    public find(command: string): RegisteredCommand | undefined {
        return this.commands.get(command.toLowerCase());
    }

    protected async doesCommandExist(command: string): Promise<boolean> {
        if (typeof command !== 'string' || command.length === 0) {
            return false;
        }
        const name = command.toLowerCase();
        return this.commands.has(name) || this.disabled.has(name);
    }

    protected async enableCommand(command: string): Promise<void> {
        const name = requireName(command);
        const stored = this.disabled.get(name);
        if (!stored) {
            throw new Error(`The command is not currently disabled: "${name}"`);
        }
        this.commands.set(name, stored);
        this.disabled.delete(name);
    }

    protected async disableCommand(command: string): Promise<void> {
        const name = requireName(command);
        if (this.disabled.has(name)) {
            return;
        }
        const stored = this.commands.get(name);
        if (!stored) {
            throw new Error(`Command does not exist in the system currently: "${name}"`);
        }
        this.disabled.set(name, stored);
        this.commands.delete(name);
    }

    protected async modifyCommand(command: ISlashCommand): Promise<void> {
        verify(command);
        const stored = this.commands.get(command.command.toLowerCase());
        if (!stored) {
            throw new Error(`Command does not exist in the system currently (or it is disabled): "${command.command.toLowerCase()}"`);
        }
        stored.params = command.i18nParamsExample || stored.params;
        stored.description = command.i18nDescription || stored.params;
        stored.providesPreview = command.providesPreview;
    }

    protected async registerCommand(command: ISlashCommand, appId: string): Promise<void> {
        verify(command);
        const name = command.command.toLowerCase();
        this.commands.set(name, {
            appId,
            command: name,
            // Rocket.Chat shows these through Utilities.getI18nKeyForApp: the app's own i18n keys.
            params: command.i18nParamsExample,
            description: command.i18nDescription,
            providesPreview: command.providesPreview,
        });
    }

    protected async unregisterCommand(command: string): Promise<void> {
        const name = requireName(command);
        this.disabled.delete(name);
        this.commands.delete(name);
    }
}

function requireName(command: string): string {
    if (typeof command !== 'string' || command.trim().length === 0) {
        throw new Error('Invalid command parameter provided, must be a string.');
    }
    return command.toLowerCase();
}

/**
 * Rocket.Chat's _verifyCommand. It also requires `executor` to be a function: since apps run in
 * a Deno process (Apps-Engine 1.43 on), functions never reach the server (the engine's runtime
 * test says so), and Rocket.Chat's own app slash command tests pass there, so that check is not
 * repeated. A `permission` is refused: the local host has no permission model to check it with.
 */
function verify(command: ISlashCommand): void {
    if (typeof command !== 'object' || command === null || typeof command.command !== 'string') {
        throw new Error(INVALID_COMMAND);
    }
    if ((command.i18nParamsExample && typeof command.i18nParamsExample !== 'string') || (command.i18nDescription && typeof command.i18nDescription !== 'string')) {
        throw new Error(INVALID_COMMAND);
    }
    if (typeof command.providesPreview !== 'boolean') {
        throw new Error(INVALID_COMMAND);
    }
    if (command.permission) {
        throw new Error(`the local host cannot check the permission "${command.permission}" of slash command "${command.command}"`);
    }
}
