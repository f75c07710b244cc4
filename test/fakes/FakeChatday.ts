import { DEMO } from './demoCredentials';
import { RecordedRequest, RecordingServer, Reply } from './RecordingServer';

export const CHATDAY_REGISTER_PATH = '/external/register';
export const CHATDAY_SEND_PATH = '/external/send-message';

/**
 * Chatday on loopback: `GET /external/register` answers the signature token to the right
 * `Authorization: Bearer <Chatday-Token>`, `POST /external/send-message` takes a message for a
 * chat; a wrong or missing token gets 401.
 */
export class FakeChatday extends RecordingServer {
    constructor(private readonly token: string = DEMO.chatdayToken, private readonly signatureToken: string = DEMO.chatdaySignatureToken) {
        super({ status: 200, body: { status: 'SUCCESS' } });
        this.route(CHATDAY_REGISTER_PATH, (request) => this.authorized(request) ?? { status: 200, body: { signature_token: this.signatureToken } });
        this.route(CHATDAY_SEND_PATH, (request) => this.authorized(request) ?? this.send(request));
    }

    private authorized(request: RecordedRequest): Reply | undefined {
        if (this.behaviour.kind !== 'ok') {
            return undefined;
        }
        return request.headers.authorization === `Bearer ${this.token}` ? undefined : { status: 401, body: { message: 'invalid Chatday-Token' } };
    }

    private send(request: RecordedRequest): Reply | undefined {
        if (this.behaviour.kind !== 'ok') {
            return undefined;
        }
        const body = request.body ?? {};
        return body.chat_id !== undefined && body.message?.type ? { status: 200, body: { status: 'SUCCESS' } } : { status: 400, body: { message: 'chat_id and message.type are required' } };
    }
}
