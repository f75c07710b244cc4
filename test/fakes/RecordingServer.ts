import * as http from 'http';
import { AddressInfo } from 'net';

export interface RecordedRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: http.IncomingHttpHeaders;
    raw: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed JSON (or undefined): tests read its fields freely
    body: any;
    at: number;
}

export type Behaviour =
    | { kind: 'ok' }
    | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
    | { kind: 'hang'; ms: number };

export interface Reply {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
}

/**
 * One request that reached the receiver and what the caller got: 'ok' (a 2xx, at once or
 * late), 'status' (another status), 'hang' (the caller gave up before the held answer), or
 * 'pending' (the caller is still waiting for it).
 * A call made while the receiver is stopped never reaches it: the host's HTTP bridge records
 * those as 'refused' (LocalRocketChat.httpCalls()).
 */
export interface Attempt {
    request: RecordedRequest;
    answer: 'ok' | 'status' | 'hang' | 'pending';
    status?: number;
}

/** Answers one recorded request; `undefined` falls back to the server's default answer. */
export type Route = (request: RecordedRequest) => Reply | undefined;

/**
 * A platform's HTTP API on loopback for tests: records every request it accepts, answers
 * through per-path routes, and can fail on demand (status, hang past the client's timeout)
 * or be down (connection refused) and come back on the same port.
 */
export class RecordingServer {
    /** Requests the receiver accepted and processed (answered by a route, or with the default reply). */
    public readonly received: Array<RecordedRequest> = [];
    /** Every request that reached the receiver, with the answer the caller got. */
    public readonly attempts: Array<Attempt> = [];
    public behaviour: Behaviour = { kind: 'ok' };
    /** A behaviour for some requests only (e.g. one conversation's); undefined falls back to `behaviour`. */
    public behaviourFor?: (request: RecordedRequest) => Behaviour | undefined;
    /** Called once each request is answered (or given up by the caller), e.g. to print it. */
    public onAnswered?: (attempt: Attempt) => void;
    protected readonly routes = new Map<string, Route>();
    private readonly patternRoutes: Array<{ pattern: RegExp; route: Route }> = [];
    private server?: http.Server;
    private port = 0;

    constructor(private readonly defaultReply: Reply = { status: 200, body: { status: 'ok' } }) {}

    public get origin(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    public route(path: string, route: Route): void {
        this.routes.set(path, route);
    }

    /** A route for every path the pattern matches (e.g. `/v1/exports/users/:id`). */
    public routeMatching(pattern: RegExp, route: Route): void {
        this.patternRoutes.push({ pattern, route });
    }

    public requests(path?: string): Array<RecordedRequest> {
        return this.received.filter((request) => path === undefined || request.path === path);
    }

    /** Requests whose 2xx answer reached the caller: what the caller counts as delivered. */
    public delivered(path?: string): Array<RecordedRequest> {
        return this.attempts.filter((attempt) => attempt.answer === 'ok' && (path === undefined || attempt.request.path === path)).map((attempt) => attempt.request);
    }

    /** Starts listening; with no port after a stop(), it comes back on the same one. A port in use rejects (EADDRINUSE). */
    public async start(port = this.port): Promise<void> {
        const server = http.createServer((req, res) => this.handle(req, res));
        await new Promise<void>((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, '127.0.0.1', () => resolve());
        });
        this.server = server;
        this.port = (server.address() as AddressInfo).port;
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

    /** Routed paths answer first; the behaviour then decides; every request answered without a forced failure is recorded. */
    protected answer(request: RecordedRequest): Reply | { hangMs: number } {
        const route = this.routes.get(request.path) ?? this.patternRoutes.find((candidate) => candidate.pattern.test(request.path))?.route;
        const routed = route?.(request);
        if (routed) {
            this.received.push(request);
            return routed;
        }
        const behaviour = this.behaviourFor?.(request) ?? this.behaviour;
        if (behaviour.kind === 'hang') {
            return { hangMs: behaviour.ms };
        }
        if (behaviour.kind === 'status') {
            return { status: behaviour.status, body: behaviour.body ?? { error: `fake failure ${behaviour.status}` }, headers: behaviour.headers };
        }
        this.received.push(request);
        return this.defaultReply;
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        const chunks: Array<Buffer> = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            const url = new URL(req.url ?? '/', this.origin);
            let body: unknown;
            try {
                body = raw ? JSON.parse(raw) : undefined;
            } catch {
                body = undefined;
            }
            const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, raw, body, at: Date.now() };
            const attempt: Attempt = { request, answer: 'pending' };
            this.attempts.push(attempt);
            let callerGone = false;
            res.on('close', () => {
                if (!res.writableFinished) {
                    callerGone = true;
                    attempt.answer = 'hang';
                }
            });
            const reply = this.answer(request);
            if ('hangMs' in reply) {
                setTimeout(() => {
                    const late: Reply = { status: 200, body: { status: 'late' } };
                    attempt.status = late.status;
                    attempt.answer = callerGone || res.destroyed ? 'hang' : outcome(late.status);
                    send(res, late);
                    this.onAnswered?.(attempt);
                }, reply.hangMs);
                return;
            }
            attempt.status = reply.status;
            attempt.answer = outcome(reply.status);
            send(res, reply);
            this.onAnswered?.(attempt);
        });
    }
}

const outcome = (status: number): Attempt['answer'] => (status >= 200 && status < 300 ? 'ok' : 'status');

function send(res: http.ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply.headers ?? {}) });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}
