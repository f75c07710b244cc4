import { DEMO } from './demoCredentials';
import { RecordingServer } from './RecordingServer';

export const UCHAT_BOT_PATH = '/api/apichat/demo-bot';

/**
 * UChat's API Chat on loopback: the workspace's `bot_url`, which takes what Rocket.Chat visitors
 * write with the flow API key (`Authorization: Bearer`; anything else gets 401). It only records:
 * the bot's answers are the signed webhooks of the README's UChat example.
 */
export class FakeUchat extends RecordingServer {
    constructor(private readonly flowApiKey: string = DEMO.uchatFlowApiKey) {
        super({ status: 200, body: { status: 'ok' } });
        this.route(UCHAT_BOT_PATH, (request) => {
            if (this.behaviour.kind !== 'ok') {
                return undefined;
            }
            if (request.headers.authorization !== `Bearer ${this.flowApiKey}`) {
                return { status: 401, body: { status: 'error', message: 'Unauthenticated.' } };
            }
            return request.body?.sender?.id ? { status: 200, body: { status: 'ok' } } : { status: 422, body: { status: 'error', message: 'sender.id is required' } };
        });
    }
}
