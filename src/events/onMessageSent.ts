import { IMessage } from '@rocket.chat/apps-engine/definition/messages';

import { AppContext } from '../context/AppContext';
import { PLATFORMS } from '../platforms/registry';
import { handleMessageSent } from './AgentMessageHandler';

/** IPostMessageSent: agents' replies go to their platform; then every platform that reacts to messages sees it. */
export async function onMessageSent(message: IMessage, context: AppContext): Promise<void> {
    await handleMessageSent(message, context);
    for (const platform of PLATFORMS) {
        if (platform.onMessageSent) {
            await platform.onMessageSent(message, context);
        }
    }
}
