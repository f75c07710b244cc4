import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';
import { HttpBridge, IHttpBridgeRequestInfo } from '@rocket.chat/apps-engine/server/bridges/HttpBridge';

/** Real HTTP calls for the app, as Rocket.Chat's HTTP bridge makes them (JSON `data`, raw `content`, `params` as query). */
export class HostHttpBridge extends HttpBridge {
    /** Every call the app made, for inspection (URL and method only). */
    public readonly calls: Array<{ method: string; url: string; at: number }> = [];

    protected async call(info: IHttpBridgeRequestInfo): Promise<IHttpResponse> {
        const { request } = info;
        const url = new URL(info.url);
        for (const [key, value] of Object.entries(request.params ?? {})) {
            url.searchParams.set(key, value);
        }
        if (request.query) {
            url.search = url.search ? `${url.search}&${request.query}` : `?${request.query}`;
        }
        const headers: Record<string, string> = { ...(request.headers ?? {}) };
        let body: string | undefined;
        if (request.content !== undefined) {
            body = request.content;
        } else if (request.data !== undefined) {
            body = JSON.stringify(request.data);
            if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
                headers['content-type'] = 'application/json';
            }
        }
        if (request.auth) {
            headers.authorization = `Basic ${Buffer.from(request.auth).toString('base64')}`;
        }
        const method = info.method.toUpperCase();
        this.calls.push({ method, url: url.toString(), at: Date.now() });
        const response = await fetch(url, {
            method,
            headers,
            body: method === 'GET' || method === 'HEAD' ? undefined : body,
            signal: request.timeout ? AbortSignal.timeout(request.timeout) : undefined,
        });
        const content = await response.text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
            responseHeaders[name] = value;
        });
        let data: unknown;
        try {
            data = content ? JSON.parse(content) : undefined;
        } catch {
            data = undefined;
        }
        return {
            url: url.toString(),
            method: info.method,
            statusCode: response.status,
            headers: responseHeaders,
            content,
            data,
        };
    }
}
