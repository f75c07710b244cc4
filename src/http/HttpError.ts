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

    constructor(public readonly status: number, message: string) {
        super(message);
        this.name = 'HttpError';
    }
}
