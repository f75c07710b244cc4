import * as http from 'http';
import { AddressInfo } from 'net';

export interface ReceivedCallback {
    headers: http.IncomingHttpHeaders;
    raw: string;
    body: any; // the JSON RapidPro would parse; tests read its fields freely
    at: number;
}

export type FakeBehaviour =
    | { kind: 'ok' }
    | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
    | { kind: 'hang'; ms: number };

export interface HistoryMessage {
    id: number;
    direction: 'in' | 'out';
    text: string;
    created_on: string;
    attachments?: Array<{ content_type: string; url: string }>;
}

/**
 * A RapidPro on loopback: its ticketer event callback (answers like mailroom, records every
 * call, can fail on demand or be down) and its API v2 messages endpoint (paged history).
 */
export class FakeRapidPro {
    public readonly received: Array<ReceivedCallback> = [];
    public readonly historyRequests: Array<{ url: string; authorization?: string }> = [];
    public behaviour: FakeBehaviour = { kind: 'ok' };
    public expectedSecret?: string;
    public history: Array<HistoryMessage> = [];
    public historyPageSize = 2;
    private server?: http.Server;
    private port = 0;

    public get callbackUrl(): string {
        return `http://127.0.0.1:${this.port}/mr/tickets/types/rocketchat/event_callback/6f1c8a8e-2b43-4d7e-9a1b-000000000001`;
    }

    public get origin(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    /** Starts listening; with `port` it comes back on the same port after `stop()` (an outage that ends). */
    public async start(port = this.port): Promise<void> {
        this.server = http.createServer((req, res) => this.handle(req, res));
        await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
        this.port = (this.server.address() as AddressInfo).port;
    }

    /** Stops listening: calls now get "connection refused". */
    public async stop(): Promise<void> {
        const server = this.server;
        this.server = undefined;
        if (server) {
            (server as unknown as { closeAllConnections(): void }).closeAllConnections();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        }
    }

    public callbacks(type?: string): Array<ReceivedCallback> {
        return this.received.filter((call) => !type || call.body?.type === type);
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Array<Buffer> = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const url = new URL(req.url ?? '/', this.origin);
            if (url.pathname === '/api/v2/messages.json') {
                this.answerHistory(url, req, res);
                return;
            }
            this.answerCallback(req, raw, res);
        });
    }

    private answerCallback(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
        const behaviour = this.behaviour;
        if (behaviour.kind === 'hang') {
            setTimeout(() => this.reply(res, 200, { status: 'handled' }), behaviour.ms);
            return;
        }
        if (behaviour.kind === 'status') {
            this.reply(res, behaviour.status, behaviour.body ?? { error: `fake failure ${behaviour.status}` }, behaviour.headers);
            return;
        }
        if (this.expectedSecret !== undefined && req.headers.authorization !== `Token ${this.expectedSecret}`) {
            this.reply(res, 401, { status: 'unauthorized' });
            return;
        }
        let body: unknown;
        try {
            body = JSON.parse(raw);
        } catch {
            this.reply(res, 400, { error: 'invalid JSON' });
            return;
        }
        this.received.push({ headers: req.headers, raw, body, at: Date.now() });
        this.reply(res, 200, { status: 'handled' });
    }

    private answerHistory(url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
        this.historyRequests.push({ url: url.toString(), authorization: req.headers.authorization });
        const after = Date.parse(url.searchParams.get('after') ?? '1970-01-01T00:00:00Z');
        const newestFirst = this.history.filter((message) => Date.parse(message.created_on) > after).sort((a, b) => Date.parse(b.created_on) - Date.parse(a.created_on));
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const page = newestFirst.slice(offset, offset + this.historyPageSize);
        const nextOffset = offset + this.historyPageSize;
        const next = nextOffset < newestFirst.length ? `${this.origin}/api/v2/messages.json?${new URLSearchParams({ ...Object.fromEntries(url.searchParams), offset: String(nextOffset) })}` : null;
        this.reply(res, 200, {
            next,
            previous: null,
            results: page.map((message) => ({ ...message, contact: { uuid: url.searchParams.get('contact'), name: 'Ana' }, attachments: message.attachments ?? [] })),
        });
    }

    private reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
    }
}
