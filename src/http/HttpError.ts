import { RefusalReason } from '../stats/RefusalStatsStore';

/**
 * A failure the caller can act on: carries the HTTP status and a message that is safe to show.
 * A refusal of the request itself (bad input, bad credentials, wrong method or body type, a
 * source switched off or not configured) carries its `refusal` reason, which is counted.
 */
export class HttpError extends Error {
    public static badRequest(message: string): HttpError {
        return new HttpError(400, message, {}, 'bad-input');
    }

    public static unauthorized(message: string): HttpError {
        return new HttpError(401, message, {}, 'bad-credentials');
    }

    /** A proof that is present but wrong in a way 401 does not fit (a file link's signature, a refused hub verification). */
    public static forbidden(message: string): HttpError {
        return new HttpError(403, message, {}, 'bad-credentials');
    }

    public static notFound(message: string): HttpError {
        return new HttpError(404, message);
    }

    public static gone(message: string): HttpError {
        return new HttpError(410, message);
    }

    public static methodNotAllowed(method: string, allowed: ReadonlyArray<string>): HttpError {
        return new HttpError(405, `method ${method.toUpperCase()} is not allowed here; use ${allowed.map((m) => m.toUpperCase()).join(' or ')}`, {}, 'wrong-method');
    }

    public static unsupportedMediaType(message: string): HttpError {
        return new HttpError(415, message, {}, 'unsupported-media-type');
    }

    /** 503: what the caller reached is switched off by an administrator. */
    public static switchedOff(message: string): HttpError {
        return new HttpError(503, message, {}, 'switched-off');
    }

    /** 503: what the caller reached lacks a setting an administrator must fill. */
    public static notConfigured(message: string): HttpError {
        return new HttpError(503, message, {}, 'not-configured');
    }

    /** An administrator's setup is incomplete for what was asked (409): `missing` names the settings to fill. */
    public static missingSettings(action: string, missing: ReadonlyArray<string>): HttpError {
        return new HttpError(409, `${action} needs settings that are not set: ${missing.join(', ')} (Administration > Apps > Tickets)`, { missing });
    }

    /** `details` are safe to show too, and go into the JSON answer beside `error`. */
    constructor(
        public readonly status: number,
        message: string,
        public readonly details: Readonly<Record<string, unknown>> = {},
        public readonly refusal?: RefusalReason,
    ) {
        super(message);
        this.name = 'HttpError';
    }
}
