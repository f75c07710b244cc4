import { HttpError } from '../../http/HttpError';
import { bodyObject, httpUrl, isObject, MAX_TEXT_LENGTH, optionalText, requiredText, requireValidText } from '../../validation/fields';
import { parseVisitorToken } from './parseVisitorToken';
import { RapidProAttachment, VisitorMessageRequest } from './types';

export const MAX_ATTACHMENTS = 20;

function parseAttachments(value: unknown): Array<RapidProAttachment> {
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value)) {
        throw HttpError.badRequest('"attachments" must be a list');
    }
    if (value.length > MAX_ATTACHMENTS) {
        throw HttpError.badRequest(`"attachments" has ${value.length} entries; at most ${MAX_ATTACHMENTS} are accepted`);
    }
    return value.map((item, index) => {
        if (!isObject(item)) {
            throw HttpError.badRequest(`"attachments[${index}]" must be an object with "url" and "type"`);
        }
        const url = httpUrl(requiredText(item, 'url', `attachments[${index}].url`, 4000), `attachments[${index}].url`);
        return { url, type: optionalText(item, 'type', `attachments[${index}].type`, 200) ?? 'application/octet-stream' };
    });
}

/** `POST /visitor-message`: text and/or attachments from the contact. */
export function parseVisitorMessage(body: unknown): VisitorMessageRequest {
    const token = parseVisitorToken(body);
    const root = bodyObject(body);
    if (root.text !== undefined && root.text !== null && typeof root.text !== 'string') {
        throw HttpError.badRequest('"text" must be a string');
    }
    const text = typeof root.text === 'string' ? root.text : '';
    if (text.length > MAX_TEXT_LENGTH) {
        throw HttpError.badRequest(`"text" is too long (${text.length} characters; at most ${MAX_TEXT_LENGTH})`);
    }
    requireValidText(text, 'text');
    const attachments = parseAttachments(root.attachments);
    if (text.trim() === '' && attachments.length === 0) {
        throw HttpError.badRequest('the message has neither "text" nor "attachments"');
    }
    return { token, text, attachments };
}
