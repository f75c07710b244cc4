import { SlashCommandContext } from '@rocket.chat/apps-engine/definition/slashcommands';

import { AppContext } from '../context/AppContext';
import { retryParked, RetrySelection } from '../outbox/retryParked';
import { OUTBOUND_SOURCES } from '../platforms/registry';
import { AppSettings } from '../settings/AppSettings';
import { buildStatusReport } from '../status/buildStatusReport';
import { OperatorTexts } from '../texts/OperatorTexts';
import { textsFor } from '../texts/textsFor';
import { operatorLanguage } from './operatorLanguage';
import { renderStatus } from './renderStatus';

/** The part of the app's context the command uses. */
export type CommandDeps = Pick<AppContext, 'read' | 'modify' | 'persistence' | 'logger'>;

/** `/tickets retry [source | item id]`: the same retry as `POST /outbox.retry`. */
async function retry(args: ReadonlyArray<string>, texts: OperatorTexts, { read, modify, persistence, logger }: CommandDeps): Promise<string> {
    if (args.length > 1) {
        return texts.unknownRetryTarget(args.join(' '), OUTBOUND_SOURCES.join(', '));
    }
    const [target] = args;
    const selection: RetrySelection = target === undefined ? { all: true } : OUTBOUND_SOURCES.includes(target.toLowerCase()) ? { source: target.toLowerCase() } : { item: target };
    const outcome = await retryParked(read.getPersistenceReader(), persistence, modify, logger, selection);
    if (!outcome) {
        return texts.unknownRetryTarget(target, OUTBOUND_SOURCES.join(', '));
    }
    if (outcome.retried === 0) {
        return texts.nothingToRetry;
    }
    return outcome.remaining > 0 ? `${texts.retried(outcome.retried)}\n${texts.stillParked(outcome.remaining)}` : texts.retried(outcome.retried);
}

async function answer(subcommand: string | undefined, args: ReadonlyArray<string>, texts: OperatorTexts, deps: CommandDeps): Promise<string> {
    switch ((subcommand ?? 'help').toLowerCase()) {
        case 'status':
            return renderStatus(await buildStatusReport(deps.read, deps.persistence, AppSettings.from(deps.read)), texts);
        case 'retry':
            return retry(args, texts, deps);
        case 'help':
            return texts.help(OUTBOUND_SOURCES.join(', '));
        default:
            return `${texts.unknownSubcommand(subcommand ?? '')}\n${texts.help(OUTBOUND_SOURCES.join(', '))}`;
    }
}

/**
 * `/tickets status | retry [source | item id] | help`, for administrators only (others get a
 * polite refusal). The answer is a private (ephemeral) message to the user who typed it, in
 * their language where the app has it, else English.
 */
export async function runTicketsCommand(context: SlashCommandContext, deps: CommandDeps): Promise<void> {
    const user = context.getSender();
    const texts = textsFor(await operatorLanguage(user, deps.read));
    const [subcommand, ...args] = context.getArguments();
    let text: string;
    if ((user.roles ?? []).includes('admin')) {
        text = await answer(subcommand, args, texts, deps);
    } else {
        deps.logger.info(`/tickets refused to ${user.username}: not an administrator`);
        text = texts.notAllowed;
    }
    const notifier = deps.modify.getNotifier();
    await notifier.notifyUser(user, notifier.getMessageBuilder().setRoom(context.getRoom()).setText(text).getMessage());
}
