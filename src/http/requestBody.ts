import { IApiRequest } from '@rocket.chat/apps-engine/definition/api';

import { headerValue } from './headerValue';
import { HttpError } from './HttpError';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The request's media type, lower case, without parameters ('' when absent). */
function contentTypeOf(request: IApiRequest): string {
    return headerValue(request.headers, 'content-type').split(';')[0].trim().toLowerCase();
}

/** Whether the caller sent body bytes (a length above 0, or a chunked body). */
function carriesBody(request: IApiRequest): boolean {
    const length = Number.parseInt(headerValue(request.headers, 'content-length'), 10);
    return headerValue(request.headers, 'transfer-encoding') !== '' || (Number.isFinite(length) && length > 0);
}

/**
 * Rocket.Chat hands an app only bodies sent as `application/json` (and a form's fields as
 * strings); anything else arrives as `{}`. Acting on that would lose the request silently, so
 * a body in another content type (or a form, where forms are not expected) is refused with
 * 415 saying what to send.
 */
export function refuseUnreadableBody(request: IApiRequest, formsAccepted = false): void {
    const type = contentTypeOf(request);
    if (type !== JSON_TYPE && !(formsAccepted && type === FORM_TYPE) && carriesBody(request)) {
        throw HttpError.unsupportedMediaType(`the body was sent as ${type ? `"${type}"` : 'no content type'}, which Rocket.Chat does not pass to apps: send it as JSON with the header Content-Type: application/json`);
    }
}

/** The parsed body must hold something: an empty one (nothing sent) is refused with 400 saying what to send. */
export function requireBody(request: IApiRequest, what: string): void {
    const content = request.content as unknown;
    const empty = content === undefined || content === null || (typeof content === 'object' && !Array.isArray(content) && Object.keys(content as object).length === 0);
    if (empty) {
        throw HttpError.badRequest(`the request has no body: send ${what} as JSON with the header Content-Type: application/json`);
    }
}
