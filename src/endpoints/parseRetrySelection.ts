import { HttpError } from '../http/HttpError';
import { RetrySelection } from '../outbox/retryParked';
import { OUTBOUND_SOURCES } from '../platforms/registry';
import { isObject, requireValidText } from '../validation/fields';

const USAGE = 'send {} (every parked item), {"source": "<source>"} or {"item": "<item id>"}';
const MAX_ITEM_ID = 100;

function text(value: unknown, field: string, maxLength: number): string {
    if (typeof value !== 'string') {
        throw HttpError.badRequest(`"${field}" must be a string; ${USAGE}`);
    }
    const trimmed = value.trim();
    if (trimmed === '') {
        throw HttpError.badRequest(`"${field}" is empty; ${USAGE}`);
    }
    if (trimmed.length > maxLength) {
        throw HttpError.badRequest(`"${field}" is too long (${trimmed.length} characters; at most ${maxLength})`);
    }
    return requireValidText(trimmed, field);
}

/** The body of `POST /outbox.retry`: nothing or {} for every parked item, {"source"} or {"item"}; anything else is a 400 naming the problem. */
export function parseRetrySelection(content: unknown): RetrySelection {
    if (content === undefined || content === null) {
        return { all: true };
    }
    if (!isObject(content)) {
        throw HttpError.badRequest(`the request body must be a JSON object: ${USAGE}`);
    }
    const unknown = Object.keys(content).filter((key) => key !== 'source' && key !== 'item');
    if (unknown.length > 0) {
        throw HttpError.badRequest(`unknown field "${unknown[0]}": ${USAGE}`);
    }
    if (content.source !== undefined && content.item !== undefined) {
        throw HttpError.badRequest(`give "source" or "item", not both: ${USAGE}`);
    }
    if (content.item !== undefined) {
        return { item: text(content.item, 'item', MAX_ITEM_ID) };
    }
    if (content.source !== undefined) {
        const source = text(content.source, 'source', MAX_ITEM_ID);
        if (!OUTBOUND_SOURCES.includes(source)) {
            throw HttpError.badRequest(`unknown source "${source}": one of ${OUTBOUND_SOURCES.join(', ')}`);
        }
        return { source };
    }
    return { all: true };
}
