import { HttpError } from '../http/HttpError';

const ACCEPT_WITH_NO_AGENTS_HINT = 'turn on "Accept new omnichannel requests when there are no online agents" '
    + '(Administration > Settings > Omnichannel > Routing, setting Livechat_accept_chats_with_no_agents) so new conversations wait in the queue';

/**
 * Rocket.Chat refused a new room because no agent is online (its `no-agent-online`): a 503
 * whose message tells the admin what to do. Nothing was opened or closed.
 */
export class NoAgentOnlineError extends HttpError {
    constructor(public readonly department?: string) {
        super(503, `no agent is online${department ? ` in department "${department}"` : ''}, and Rocket.Chat opens no conversation without one: `
            + `put an agent online${department ? ' in that department' : ''}, or ${ACCEPT_WITH_NO_AGENTS_HINT}`);
        this.name = 'NoAgentOnlineError';
    }
}
