import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { ISlashCommand, SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { runTicketsCommand } from './runTicketsCommand';

/**
 * The `/tickets` slash command. Every engine calls the executor as a method of this object;
 * Apps-Engine 1.62 swaps the `app` property for the app wrapped for that call, whose logger is
 * the one Rocket.Chat stores for it. Its description and parameters are i18n keys of the app
 * (i18n/*.json), which Rocket.Chat shows in the command list.
 */
export class TicketsCommand implements ISlashCommand {
    public readonly command = 'tickets';
    public readonly i18nParamsExample = 'tickets_command_params';
    public readonly i18nDescription = 'tickets_command_description';
    public readonly providesPreview = false;

    constructor(private readonly app: IApp) {}

    public async executor(context: SlashCommandContext, read: IRead, modify: IModify, _http: IHttp, persistence: IPersistence): Promise<void> {
        await runTicketsCommand(context, { read, modify, persistence, logger: this.app.getLogger() });
    }
}
