import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

/**
 * A partner's JSON answer. Rocket.Chat fills `data` only when the response's content type is
 * JSON (else it is null), and partners often answer JSON as text/plain or text/html, so the
 * body is parsed here when Rocket.Chat did not. Undefined when the body is not JSON.
 */
export function responseJson(response: IHttpResponse): unknown {
    if (response.data !== undefined && response.data !== null) {
        return response.data;
    }
    const content = typeof response.content === 'string' ? response.content.trim() : '';
    if (content === '') {
        return undefined;
    }
    try {
        return JSON.parse(content);
    } catch {
        return undefined;
    }
}
