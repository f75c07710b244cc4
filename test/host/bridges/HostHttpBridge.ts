import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';
import { HttpBridge, IHttpBridgeRequestInfo } from '@rocket.chat/apps-engine/server/bridges/HttpBridge';

/** How one outbound call ended: the receiver's status, or why there was none. */
export type HttpOutcome = number | 'timeout' | 'refused' | 'failed';

export interface HttpCall {
    method: string;
    url: string;
    at: number;
    outcome?: HttpOutcome;
}

/** Response content types whose body Rocket.Chat parses into `data` (nothing else is parsed). */
const PARSED_TYPES = ['application/json', 'text/javascript', 'application/javascript', 'application/x-javascript'];

/** Rocket.Chat's default timeout for an app's HTTP call (3 minutes) when the app passes none. */
const DEFAULT_TIMEOUT_MS = 3 * 60 * 1000;

const isGetOrHead = (method: string): boolean => ['GET', 'HEAD'].includes(method.toUpperCase());

/**
 * Real HTTP calls for the app, as Rocket.Chat's HTTP bridge makes them
 * (apps/meteor/app/apps/server/bridges/http.ts): `content` is the body as text; `data` is the
 * parsed JSON only when the response's content type is JSON or JavaScript (else null);
 * connection errors and timeouts reject; `request.query` is ignored, as there.
 */
export class HostHttpBridge extends HttpBridge {
    /** Every call the app made, with how it ended, for inspection (URL and method only). */
    public readonly calls: Array<HttpCall> = [];

    protected async call(info: IHttpBridgeRequestInfo): Promise<IHttpResponse> {
        const { request } = info;
        const url = new URL(info.url);
        const headers: Record<string, string> = { ...(request.headers ?? {}) };
        let body: string | undefined = request.content;
        if (!body && typeof request.data === 'object' && request.data !== null) {
            // server-fetch sends an object as JSON
            body = JSON.stringify(request.data);
            if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
                headers['Content-Type'] = 'application/json';
            }
        }
        if (request.auth) {
            if (!request.auth.includes(':')) {
                throw new Error('auth option should be of the form "username:password"');
            }
            headers.Authorization = `Basic ${Buffer.from(request.auth, 'ascii').toString('base64')}`;
        }
        if (body || isGetOrHead(info.method)) {
            for (const [key, value] of Object.entries(request.params ?? {})) {
                if (value) {
                    url.searchParams.append(key, value);
                }
            }
        } else if (request.params) {
            body = new URLSearchParams(request.params).toString();
            headers['Content-Type'] = 'application/x-www-form-urlencoded';
        }
        const method = info.method.toUpperCase();
        const call: HttpCall = { method, url: url.toString(), at: Date.now() };
        this.calls.push(call);
        let response: Response;
        try {
            response = await fetch(url, {
                method,
                headers,
                body: isGetOrHead(method) ? undefined : body,
                signal: AbortSignal.timeout(request.timeout || DEFAULT_TIMEOUT_MS),
            });
        } catch (error) {
            call.outcome = failure(error);
            throw error;
        }
        call.outcome = response.status;
        const content = await response.text();
        const responseHeaders: Record<string, string> = {};
        response.headers.forEach((value, name) => {
            responseHeaders[name] = value;
        });
        return {
            url: info.url,
            method: info.method,
            statusCode: response.status,
            headers: responseHeaders,
            content,
            data: parsedData(response.headers.get('content-type'), content),
        };
    }
}

/** Rocket.Chat compares the content type's media type exactly as sent (case included), then parses. */
function parsedData(contentType: string | null, content: string): unknown {
    if (!PARSED_TYPES.includes((contentType ?? '').split(';')[0])) {
        return null;
    }
    try {
        return JSON.parse(content);
    } catch {
        return null;
    }
}

function failure(error: unknown): HttpOutcome {
    const name = (error as { name?: string })?.name;
    if (name === 'TimeoutError' || name === 'AbortError') {
        return 'timeout';
    }
    const code = (error as { cause?: { code?: string } })?.cause?.code;
    return code === 'ECONNREFUSED' ? 'refused' : 'failed';
}
