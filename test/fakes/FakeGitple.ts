import { DEMO } from './demoCredentials';
import { RecordedRequest, RecordingServer, Reply } from './RecordingServer';

export interface GitpleLine {
    id: string;
    senderType: 'user' | 'bot' | 'agent' | 'sys';
    senderId?: string;
    content: unknown;
    ctime: string;
}

const USER = /^\/v1\/exports\/users\/([^/]+)$/;
const SESSION_MESSAGES = /^\/v1\/exports\/sessions\/([^/]+)\/messages$/;
const FAKE_LINES = /^\/fake\/sessions\/([^/]+)\/lines$/;

/**
 * Gitple on loopback: its Open API (`GET /v1/exports/users/:id`, `GET /v1/exports/sessions/:id/messages`,
 * `POST /v1/hooks`), checking the `app-code` and `secret` headers as Gitple does (401
 * `{"error":"Unauthorized"}`). What end users write reaches Gitple, not the app, so the fake keeps
 * each session's lines: `POST /fake/sessions/:id/lines` `{"text":"…","senderType":"user"}` adds one,
 * as if the end user had written it in Gitple. Every user id has a made-up profile.
 */
export class FakeGitple extends RecordingServer {
    public readonly sessions = new Map<string, Array<GitpleLine>>();

    constructor(private readonly appCode: string = DEMO.gitpleAppCode, private readonly apiSecret: string = DEMO.gitpleApiSecret) {
        super({ status: 200, body: { result: 'ok' } });
        this.routeMatching(FAKE_LINES, (request) => this.addLine(request));
        this.routeMatching(/^\/v1\//, (request) => this.openApi(request));
    }

    public addLine(request: RecordedRequest): Reply {
        const session = decodeURIComponent(FAKE_LINES.exec(request.path)![1]);
        const body = request.body ?? {};
        if (request.method !== 'POST' || typeof body.text !== 'string' || body.text === '') {
            return { status: 400, body: { error: 'POST {"text":"…","senderType":"user|bot|agent|sys"}' } };
        }
        const senderType = ['user', 'bot', 'agent', 'sys'].includes(body.senderType) ? body.senderType : 'user';
        const lines = this.sessions.get(session) ?? [];
        const line: GitpleLine = { id: `${session}-${lines.length + 1}`, senderType, senderId: typeof body.senderId === 'string' ? body.senderId : undefined, content: body.text, ctime: new Date().toISOString() };
        lines.push(line);
        this.sessions.set(session, lines);
        return { status: 201, body: line };
    }

    private openApi(request: RecordedRequest): Reply | undefined {
        if (this.behaviour.kind !== 'ok') {
            return undefined;
        }
        if (request.headers['app-code'] !== this.appCode || request.headers.secret !== this.apiSecret) {
            return { status: 401, body: { error: 'Unauthorized' } };
        }
        const user = USER.exec(request.path);
        if (user && request.method === 'GET') {
            const id = decodeURIComponent(user[1]);
            return { status: 200, body: { id, name: `Gitple user ${id}`, email: `${id}@example.com`, identifier: `id-${id}` } };
        }
        const session = SESSION_MESSAGES.exec(request.path);
        if (session && request.method === 'GET') {
            return { status: 200, body: { data: this.sessions.get(decodeURIComponent(session[1])) ?? [], next: null } };
        }
        if (request.path === '/v1/hooks' && request.method === 'POST') {
            return request.body?.type === 'message' ? { status: 200, body: { result: 'ok' } } : { status: 400, body: { error: 'type must be message' } };
        }
        return { status: 404, body: { error: 'Not Found' } };
    }
}
