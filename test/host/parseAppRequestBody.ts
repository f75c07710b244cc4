import { IncomingHttpHeaders } from 'http';
import { parse as parseQueryString } from 'querystring';
import { gunzipSync, inflateSync } from 'zlib';

/** body-parser's default limit (100kb = 102,400 bytes) for both parsers Rocket.Chat mounts. */
export const BODY_LIMIT = 100 * 1024;

/** urlencoded's default `parameterLimit`. */
const PARAMETER_LIMIT = 1000;

export type ParsedAppBody =
    | { ok: true; content: unknown }
    | { ok: false; status: number; message: string };

const refuse = (status: number, message: string): ParsedAppBody => ({ ok: false, status, message });

/** The media type of a Content-Type header, lower case, without parameters. */
function mediaType(contentType: string): string {
    return contentType.split(';')[0].trim().toLowerCase();
}

function charsetOf(contentType: string): string | undefined {
    const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
    return match ? match[1].toLowerCase() : undefined;
}

/** type-is's hasBody: a request has a body when it says how long it is (or is chunked). */
function hasBody(headers: IncomingHttpHeaders): boolean {
    return headers['transfer-encoding'] !== undefined || !Number.isNaN(parseInt(String(headers['content-length']), 10));
}

function decode(raw: Buffer, encoding: string): Buffer | undefined {
    switch (encoding) {
        case 'identity':
            return raw;
        case 'gzip':
            return gunzipSync(raw);
        case 'deflate':
            return inflateSync(raw);
        default:
            return undefined;
    }
}

/**
 * What Rocket.Chat's express router hands an app endpoint as `content`
 * (apps/meteor/app/apps/server/bridges/router.ts: `express.urlencoded({ extended: false })`,
 * then `express.json()`, both body-parser 1.x with its defaults):
 * - `Content-Type: application/json` → the parsed JSON (strict: an object or an array; an empty
 *   body is `{}`); unparsable → 400, a charset other than utf-* → 415;
 * - `application/x-www-form-urlencoded` → flat string fields;
 * - any other type, or none → `{}` (the bytes never reach the app);
 * - more than 100 kB → 413 before the app is called.
 */
export function parseAppRequestBody(raw: Buffer, headers: IncomingHttpHeaders): ParsedAppBody {
    const contentType = String(headers['content-type'] ?? '');
    const type = mediaType(contentType);
    const parsed = type === 'application/json' || type === 'application/x-www-form-urlencoded';
    if (!hasBody(headers) || !parsed) {
        return { ok: true, content: {} };
    }
    const length = parseInt(String(headers['content-length']), 10);
    if (length > BODY_LIMIT || raw.length > BODY_LIMIT) {
        return refuse(413, 'request entity too large');
    }
    const charset = charsetOf(contentType) ?? 'utf-8';
    if (type === 'application/json' && !charset.startsWith('utf-')) {
        return refuse(415, `unsupported charset "${charset.toUpperCase()}"`);
    }
    const body = decode(raw, String(headers['content-encoding'] ?? 'identity').toLowerCase());
    if (!body) {
        return refuse(415, `unsupported content encoding "${String(headers['content-encoding'])}"`);
    }
    if (body.length > BODY_LIMIT) {
        return refuse(413, 'request entity too large');
    }
    return type === 'application/json' ? parseJson(body.toString('utf8')) : parseForm(body.toString('utf8'));
}

function parseJson(text: string): ParsedAppBody {
    if (text.length === 0) {
        return { ok: true, content: {} };
    }
    const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
    if (first !== '{' && first !== '[') {
        return refuse(400, `Unexpected token ${first ?? 'end of input'} in JSON (strict mode: an object or an array)`);
    }
    try {
        return { ok: true, content: JSON.parse(text) };
    } catch (error) {
        return refuse(400, error instanceof Error ? error.message : 'invalid JSON');
    }
}

function parseForm(text: string): ParsedAppBody {
    if ((text.match(/&/g)?.length ?? 0) + 1 > PARAMETER_LIMIT) {
        return refuse(413, 'too many parameters');
    }
    return { ok: true, content: { ...parseQueryString(text) } };
}
