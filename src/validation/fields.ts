import { HttpError } from '../http/HttpError';

export type JsonObject = Record<string, unknown>;

export const MAX_TEXT_LENGTH = 20000;
export const MAX_FIELD_LENGTH = 1000;

/*
 * Unpaired UTF-16 surrogates (not valid Unicode, cannot be stored as UTF-8) and NUL characters:
 * what is left once the surrogate pairs are taken out. (No lookbehind: Apps-Engine 1.53 and
 * older parse the app as ES2017 and refuse it.)
 */
const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;
const LONE_SURROGATE_OR_NUL = /[\ud800-\udfff]|\u0000/;

/** Throws a 400 naming the field when the text is not valid Unicode text. */
export function requireValidText(text: string, path: string): string {
    if (LONE_SURROGATE_OR_NUL.test(text.replace(SURROGATE_PAIR, ''))) {
        throw HttpError.badRequest(`"${path}" is not valid text (unpaired surrogate or NUL character)`);
    }
    return text;
}

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as a JSON object, or a 400 saying what was sent instead. */
export function bodyObject(value: unknown): JsonObject {
    if (!isObject(value)) {
        throw HttpError.badRequest('the request body must be a JSON object');
    }
    return value;
}

/** An optional object field (absent or null → undefined). */
export function optionalObject(source: JsonObject, key: string, path: string): JsonObject | undefined {
    const value = source[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    if (!isObject(value)) {
        throw HttpError.badRequest(`"${path}" must be a JSON object`);
    }
    return value;
}

/**
 * An optional text field: strings are trimmed (empty → undefined); numbers are accepted and
 * turned into their decimal text, as some platforms' ids arrive as numbers.
 */
export function optionalText(source: JsonObject, key: string, path: string, maxLength = MAX_FIELD_LENGTH): string | undefined {
    const value = source[key];
    if (value === undefined || value === null) {
        return undefined;
    }
    let text: string;
    if (typeof value === 'string') {
        text = value.trim();
    } else if (typeof value === 'number' && Number.isFinite(value)) {
        text = String(value);
    } else {
        throw HttpError.badRequest(`"${path}" must be a string`);
    }
    if (text.length > maxLength) {
        throw HttpError.badRequest(`"${path}" is too long (${text.length} characters; at most ${maxLength})`);
    }
    requireValidText(text, path);
    return text === '' ? undefined : text;
}

export function requiredText(source: JsonObject, key: string, path: string, maxLength = MAX_FIELD_LENGTH): string {
    const text = optionalText(source, key, path, maxLength);
    if (text === undefined) {
        throw HttpError.badRequest(`"${path}" is required`);
    }
    return text;
}

/** The first of several spellings of a field that is present (e.g. ticketID / ticketId). */
export function firstSpelling(source: JsonObject, keys: ReadonlyArray<string>): string {
    return keys.find((key) => source[key] !== undefined && source[key] !== null) ?? keys[0];
}

/** An optional map of strings (custom fields): values that are numbers or booleans become text. */
export function optionalStringMap(source: JsonObject, key: string, path: string, maxEntries = 100): Record<string, string> | undefined {
    const value = optionalObject(source, key, path);
    if (!value) {
        return undefined;
    }
    const entries = Object.entries(value);
    if (entries.length > maxEntries) {
        throw HttpError.badRequest(`"${path}" has too many entries (${entries.length}; at most ${maxEntries})`);
    }
    const map: Record<string, string> = {};
    for (const [name, raw] of entries) {
        if (raw === null || raw === undefined) {
            continue;
        }
        if (!['string', 'number', 'boolean'].includes(typeof raw)) {
            throw HttpError.badRequest(`"${path}.${name}" must be a string`);
        }
        const text = String(raw);
        if (text.length > MAX_FIELD_LENGTH || name.length > 100) {
            throw HttpError.badRequest(`"${path}.${name}" is too long`);
        }
        requireValidText(`${name}${text}`, `${path}.${name}`);
        map[name] = text;
    }
    return map;
}

/** An absolute http(s) URL, any host and port. */
export function httpUrl(value: string, path: string): string {
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw HttpError.badRequest(`"${path}" must be an absolute http or https URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw HttpError.badRequest(`"${path}" must use http or https, not ${url.protocol.replace(':', '')}`);
    }
    return url.toString();
}
