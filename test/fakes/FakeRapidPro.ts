import { RecordedRequest, RecordingServer, Reply } from './RecordingServer';

export interface HistoryMessage {
    id: number;
    direction: 'in' | 'out';
    text: string;
    created_on: string;
    attachments?: Array<{ content_type: string; url: string }>;
}

export const RAPIDPRO_CALLBACK_PATH = '/mr/tickets/types/rocketchat/event_callback/6f1c8a8e-2b43-4d7e-9a1b-000000000001';

/**
 * A RapidPro on loopback: its ticketer event callback (answers like mailroom: 200
 * {"status":"handled"}, 401 {"status":"unauthorized"} for a wrong token) and its API v2
 * messages endpoint (paged history, newest first).
 */
export class FakeRapidPro extends RecordingServer {
    public readonly historyRequests: Array<{ url: string; authorization?: string }> = [];
    public expectedSecret?: string;
    public history: Array<HistoryMessage> = [];
    public historyPageSize = 2;
    /** The content type of history pages (RapidPro answers application/json; a proxy may change it). */
    public historyContentType = 'application/json';

    constructor() {
        super({ status: 200, body: { status: 'handled' } });
        this.route('/api/v2/messages.json', (request) => this.answerHistory(request));
        this.route(RAPIDPRO_CALLBACK_PATH, (request) => this.checkSecret(request));
    }

    public get callbackUrl(): string {
        return `${this.origin}${RAPIDPRO_CALLBACK_PATH}`;
    }

    private checkSecret(request: RecordedRequest): Reply | undefined {
        if (this.behaviour.kind === 'ok' && this.expectedSecret !== undefined && request.headers.authorization !== `Token ${this.expectedSecret}`) {
            return { status: 401, body: { status: 'unauthorized' } };
        }
        if (this.behaviour.kind === 'ok' && request.body === undefined) {
            return { status: 400, body: { error: 'invalid JSON' } };
        }
        return undefined;
    }

    private answerHistory(request: RecordedRequest): Reply {
        const query = request.query;
        this.historyRequests.push({ url: `${this.origin}${request.path}?${query}`, authorization: request.headers.authorization });
        const after = Date.parse(query.get('after') ?? '1970-01-01T00:00:00Z');
        const newestFirst = this.history.filter((message) => Date.parse(message.created_on) > after).sort((a, b) => Date.parse(b.created_on) - Date.parse(a.created_on));
        const offset = Number(query.get('offset') ?? 0);
        const nextOffset = offset + this.historyPageSize;
        const next = nextOffset < newestFirst.length ? `${this.origin}${request.path}?${new URLSearchParams({ ...Object.fromEntries(query), offset: String(nextOffset) })}` : null;
        return {
            status: 200,
            headers: { 'content-type': this.historyContentType },
            body: {
                next,
                previous: null,
                results: newestFirst.slice(offset, nextOffset).map((message) => ({ ...message, contact: { uuid: query.get('contact'), name: 'Ana' }, attachments: message.attachments ?? [] })),
            },
        };
    }
}
