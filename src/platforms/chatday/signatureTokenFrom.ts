import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { responseJson } from '../../http/responseJson';
import { isObject } from '../../validation/fields';

const FIELD_NAMES = ['signature_token', 'signatureToken', 'Chatday-Signature-Token', 'chatday_signature_token', 'chatdaySignatureToken', 'token'];
const HEADER_NAMES = ['chatday-signature-token', 'x-chatday-signature-token'];
const TOKEN_LIKE = /^[A-Za-z0-9._~+/=-]{8,512}$/;

function fromObject(value: unknown): string | undefined {
    if (!isObject(value)) {
        return undefined;
    }
    for (const name of FIELD_NAMES) {
        const field = value[name];
        if (typeof field === 'string' && field.trim() !== '') {
            return field.trim();
        }
    }
    return fromObject(value.data) ?? fromObject(value.result);
}

/**
 * Chatday's register answer is undocumented: take the signature token from a JSON field
 * (signature_token, signatureToken, Chatday-Signature-Token, token…, also under `data`),
 * else from a response header of that name, else from a bare token-like text body.
 */
export function signatureTokenFrom(response: IHttpResponse): string | undefined {
    const data = responseJson(response);
    const fromBody = fromObject(data);
    if (fromBody) {
        return fromBody;
    }
    const headers = response.headers ?? {};
    for (const [name, value] of Object.entries(headers)) {
        if (HEADER_NAMES.includes(name.toLowerCase()) && typeof value === 'string' && value.trim() !== '') {
            return value.trim();
        }
    }
    const text = typeof data === 'string' ? data : data === undefined ? response.content?.trim() : undefined;
    return text && TOKEN_LIKE.test(text) ? text : undefined;
}
