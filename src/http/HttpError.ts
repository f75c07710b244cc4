/** A failure the caller can act on: carries the HTTP status and a message that is safe to show. */
export class HttpError extends Error {
    public static badRequest(message: string): HttpError {
        return new HttpError(400, message);
    }

    public static unauthorized(message: string): HttpError {
        return new HttpError(401, message);
    }

    public static forbidden(message: string): HttpError {
        return new HttpError(403, message);
    }

    public static notFound(message: string): HttpError {
        return new HttpError(404, message);
    }

    public static gone(message: string): HttpError {
        return new HttpError(410, message);
    }

    public static methodNotAllowed(method: string, allowed: ReadonlyArray<string>): HttpError {
        return new HttpError(405, `method ${method.toUpperCase()} is not allowed here; use ${allowed.map((m) => m.toUpperCase()).join(' or ')}`);
    }

    public static unavailable(message: string): HttpError {
        return new HttpError(503, message);
    }

    /** An administrator's setup is incomplete for what was asked (409): `missing` names the settings to fill. */
    public static missingSettings(action: string, missing: ReadonlyArray<string>): HttpError {
        return new HttpError(409, `${action} needs settings that are not set: ${missing.join(', ')} (Administration > Apps > Tickets)`, { missing });
    }

    /** `details` are safe to show too, and go into the JSON answer beside `error`. */
    constructor(public readonly status: number, message: string, public readonly details: Readonly<Record<string, unknown>> = {}) {
        super(message);
        this.name = 'HttpError';
    }
}
