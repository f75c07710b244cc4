import * as http from 'http';
import { AddressInfo } from 'net';

import { FakePlatforms } from '../fakes/FakePlatforms';
import { parseHostBody } from './api/parseHostBody';
import { RestApi } from './api/RestApi';
import { serveConsole } from './ConsoleFiles';
import { serveFileUpload } from './FileUploadRoute';
import { InspectionApi } from './InspectionApi';
import { LivechatWidgetApi } from './LivechatWidgetApi';
import { LocalRocketChat } from './LocalRocketChat';
import { matchEndpoint } from './matchEndpoint';
import { parseAppRequestBody } from './parseAppRequestBody';
import { INSTANCE_HEADER, pinnedHost } from './pinnedHost';
import { sendJson } from './sendJson';

export { INSTANCE_HEADER };
const APP_ROUTE = /^\/api\/apps\/public\/([^/]+)\/(.+)$/;
/** Read at most this much of a body (the host's own routes and widget uploads accept up to it; app routes stop at 100 kB). */
const MAX_BODY = 5 * 1024 * 1024;

/** The whole body; past MAX_BODY the rest is read and discarded (undefined), so the client still gets an answer. */
function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
    return new Promise((resolve, reject) => {
        const chunks: Array<Buffer> = [];
        let size = 0;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY) {
                chunks.push(chunk);
            }
        });
        req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

/** How express answers an error raised before the app (finalhandler's production page). */
function sendExpressError(res: http.ServerResponse, status: number): void {
    const text = http.STATUS_CODES[status] ?? 'Error';
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'" });
    res.end(`<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${text}</pre>\n</body>\n</html>\n`);
}

/**
 * Rocket.Chat's HTTP front door on localhost: `/api/apps/public/<appId>/<path>` goes to
 * the app as Rocket.Chat routes it (its body parsed as Rocket.Chat's router parses it, see
 * parseAppRequestBody; an error there is answered by express before the app); `/api/v1/livechat/…`
 * is Rocket.Chat's widget API for visitors (LivechatWidgetApi); the login, `/api/info` and the app
 * management a deploy uses are Rocket.Chat's own REST routes (RestApi); `/host/…` is the host's own API
 * for tests and people (InspectionApi); `/file-upload/<id>/<name>` serves uploaded files; `/`
 * and `/console/…` are the playground's web console (ConsoleFiles), which works through those.
 */
export class FrontDoor {
    private readonly server: http.Server;
    private readonly inspection: InspectionApi;
    private readonly widget: LivechatWidgetApi;
    private readonly rest: RestApi;

    /** `fakes`: the fake platforms running in this process, if any, for the console to show. */
    constructor(private readonly host: LocalRocketChat, appId: () => string, fakes?: FakePlatforms) {
        this.inspection = new InspectionApi(host, appId, fakes);
        this.widget = new LivechatWidgetApi(host);
        this.rest = new RestApi(host);
        this.server = http.createServer((req, res) => {
            this.handle(req, res).catch((error) => sendJson(res, 500, { error: String(error instanceof Error ? error.message : error) }));
        });
    }

    public async listen(port: number, hostname = '127.0.0.1'): Promise<number> {
        await new Promise<void>((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(port, hostname, () => resolve());
        });
        return (this.server.address() as AddressInfo).port;
    }

    public async close(): Promise<void> {
        this.inspection.close();
        // Node 20 has closeAllConnections; the pinned @types/node (14, required by rc-apps) does not know it.
        (this.server as unknown as { closeAllConnections(): void }).closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (serveFileUpload(this.host.store, req, url, res) || serveConsole(req.method ?? 'GET', url, res)) {
            return;
        }
        const raw = await readBody(req);
        const route = APP_ROUTE.exec(url.pathname);
        if (route) {
            const body = raw === undefined ? { ok: false as const, status: 413, message: 'request entity too large' } : parseAppRequestBody(raw, req.headers);
            if (!body.ok) {
                sendExpressError(res, body.status);
                return;
            }
            await this.forwardToApp(decodeURIComponent(route[1]), route[2], req, url, body.content, res);
            return;
        }
        if (raw === undefined) {
            sendJson(res, 413, { error: 'request entity too large' });
            return;
        }
        if (this.widget.handles(url.pathname)) {
            this.widget.handle({ method: req.method ?? 'GET', url, raw, headers: req.headers }, res);
            return;
        }
        if (this.rest.handles(url.pathname)) {
            await this.rest.handle({ method: req.method ?? 'GET', url, raw, headers: req.headers }, res);
            return;
        }
        await this.inspection.handle(req.method ?? 'GET', url, parseHostBody(raw.toString('utf8'), String(req.headers['content-type'] ?? '')), res);
    }

    private async forwardToApp(appId: string, requested: string, req: http.IncomingMessage, url: URL, content: unknown, res: http.ServerResponse): Promise<void> {
        const endpoint = matchEndpoint(this.host.endpointPaths(appId), requested);
        if (endpoint === undefined || endpoint === 'decodeError') {
            // express: res.sendStatus(404) for no route; a parameter that is not valid percent-encoding → 400.
            const status = endpoint ? 400 : 404;
            res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
            res.end(status === 404 ? 'Not Found' : 'Bad Request');
            return;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
            headers[name] = Array.isArray(value) ? value.join(', ') : String(value ?? '');
        }
        // A load balancer's choice: round robin over the instances, or the one a test pins with X-Host-Instance (never shown to the app).
        const pinned = headers[INSTANCE_HEADER];
        delete headers[INSTANCE_HEADER];
        const answer = await pinnedHost(this.host, pinned).callApi(appId, {
            method: req.method ?? 'GET',
            path: endpoint.path,
            params: endpoint.params,
            headers,
            query: Object.fromEntries(url.searchParams),
            body: content,
        });
        const outHeaders = { ...answer.headers };
        let payload: string | Buffer | undefined;
        if (answer.content === undefined || answer.content === null) {
            payload = undefined;
        } else if (Buffer.isBuffer(answer.content)) {
            // The Deno runtime hands a Buffer back as a Buffer (its msgpack codec); express's res.send sends the bytes, as octet-stream unless typed.
            payload = answer.content;
            if (!Object.keys(outHeaders).some((name) => name.toLowerCase() === 'content-type')) {
                outHeaders['content-type'] = 'application/octet-stream';
            }
        } else if (typeof answer.content === 'string') {
            payload = answer.content;
        } else {
            payload = JSON.stringify(answer.content);
            if (!Object.keys(outHeaders).some((name) => name.toLowerCase() === 'content-type')) {
                outHeaders['content-type'] = 'application/json';
            }
        }
        res.writeHead(answer.status, outHeaders);
        res.end(payload);
    }
}
