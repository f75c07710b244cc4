/** A request body as the host's own routes read it: a value, or why it could not be read. */
export type HostBody = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The body of a `/host/…` or widget API request. JSON whatever the content type (curl's `-d`
 * sends form content type by default), form fields for a form body that is not JSON; an empty
 * body is `{}`. Anything else cannot be read, and says why.
 */
export function parseHostBody(raw: string, contentType: string): HostBody {
    const text = raw.trim();
    if (text === '') {
        return { ok: true, value: {} };
    }
    const looksLikeJson = text.startsWith('{') || text.startsWith('[') || text.startsWith('"');
    if (looksLikeJson || contentType.includes('json')) {
        try {
            return { ok: true, value: JSON.parse(text) };
        } catch (error) {
            return { ok: false, error: `the body is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
        }
    }
    if (contentType.includes('application/x-www-form-urlencoded')) {
        return { ok: true, value: Object.fromEntries(new URLSearchParams(raw)) };
    }
    return { ok: false, error: `the body must be JSON (it was sent as ${contentType || 'no content type'})` };
}
