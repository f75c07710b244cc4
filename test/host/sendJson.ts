import * as http from 'http';

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | Array<string>> = {}): void {
    res.writeHead(status, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
}
