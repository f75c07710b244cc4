import { HttpError } from '../../http/HttpError';
import { bodyObject, optionalObject, requiredText } from '../../validation/fields';

/** `/room.close` and the visitor part of `/visitor-message`: `{"visitor":{"token":"…"}}`. */
export function parseVisitorToken(body: unknown): string {
    const visitor = optionalObject(bodyObject(body), 'visitor', 'visitor');
    if (!visitor) {
        throw HttpError.badRequest('"visitor" is required (an object with "token")');
    }
    return requiredText(visitor, 'token', 'visitor.token', 100);
}
