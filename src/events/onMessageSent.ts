import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { relayVisitorMessage } from '../platforms/uchat/UchatVisitorRelay';
import { handleMessageSent } from './AgentMessageHandler';

/** IPostMessageSent: agents' replies go to their platform; visitors' messages in UChat-served rooms go to the UChat bot. */
export async function onMessageSent(message: IMessage, appId: string, read: IRead, persistence: IPersistence, modify: IModify, logger: ILogger): Promise<void> {
    await handleMessageSent(message, appId, read, persistence, modify, logger);
    await relayVisitorMessage(message, { appId, read, persistence, modify, logger });
}
