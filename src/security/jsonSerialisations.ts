/**
 * Re-serialisations of a parsed JSON body, as plausible senders wrote it. Rocket.Chat hands
 * apps the parsed body, not the signed bytes, so a signature can only be checked against
 * these. Key order is the parsed object's (as received, except that JavaScript puts
 * integer-like keys first); number formatting follows JavaScript.
 */

interface PhpFlags {
    escapeSlashes: boolean;
    escapeUnicode: boolean;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex4(code: number): string {
    return `\\u${code.toString(16).padStart(4, '0')}`;
}

function phpString(text: string, flags: PhpFlags): string {
    let out = '"';
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        const code = text.charCodeAt(i);
        if (SHORT_ESCAPES[char]) {
            out += SHORT_ESCAPES[char];
        } else if (char === '/' && flags.escapeSlashes) {
            out += '\\/';
        } else if (code < 0x20 || (code > 0x7e && flags.escapeUnicode)) {
            // UTF-16 code units, lower-case hex: astral characters become surrogate pairs, as PHP writes them
            out += hex4(code);
        } else {
            out += char;
        }
    }
    return `${out}"`;
}

/** PHP's json_encode (PHP 7.1+): by default `/` → `\/` and non-ASCII → `\uXXXX` (lower-case hex). */
export function phpJsonEncode(value: unknown, flags: PhpFlags = { escapeSlashes: true, escapeUnicode: true }): string {
    if (value === null || value === undefined) {
        return 'null';
    }
    if (typeof value === 'string') {
        return phpString(value, flags);
    }
    if (typeof value === 'number') {
        return Number.isFinite(value) ? String(value) : '0';
    }
    if (typeof value === 'boolean') {
        return value ? 'true' : 'false';
    }
    if (Array.isArray(value)) {
        return `[${value.map((item) => phpJsonEncode(item, flags)).join(',')}]`;
    }
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${phpString(key, flags)}:${phpJsonEncode(item, flags)}`).join(',')}}`;
}

/** Every serialisation a signature is checked against: compact JavaScript JSON, and PHP's json_encode with and without its escapes. */
export function plausibleSerialisations(body: unknown): Array<string> {
    if (typeof body === 'string') {
        return [body];
    }
    const forms = [
        JSON.stringify(body),
        phpJsonEncode(body),
        phpJsonEncode(body, { escapeSlashes: false, escapeUnicode: true }),
        phpJsonEncode(body, { escapeSlashes: true, escapeUnicode: false }),
    ];
    return [...new Set(forms)];
}
