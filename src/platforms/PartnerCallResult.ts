import { ILogger } from '@rocket.chat/apps-engine/definition/accessors';

import { HttpError } from '../http/HttpError';

/**
 * What a call to a partner's API made for an administrator (a registration, a webhook setup)
 * came to: done; not made, because the settings it needs are not all set (`missing`: the
 * administrator's to fill); or made and failed at the partner (`error`).
 */
export type PartnerCallResult = { ok: true } | { ok: false; missing: ReadonlyArray<string>; error: string } | { ok: false; missing?: undefined; error: string };

/** The answer to a request that asked for the call and did not get it done: 409 naming the missing settings, else 502. */
export function partnerCallFailure(action: string, result: Exclude<PartnerCallResult, { ok: true }>): HttpError {
    return result.missing ? HttpError.missingSettings(action, result.missing) : new HttpError(502, `${action} failed: ${result.error}`);
}

/** The call is not made when a setting it needs (`ids`, with their `values`) is empty: the result names them, and the log says so. */
export function missingSettings(what: string, ids: ReadonlyArray<string>, values: ReadonlyArray<string>, logger: ILogger): PartnerCallResult | undefined {
    const missing = ids.filter((_id, index) => !values[index]);
    if (missing.length === 0) {
        return undefined;
    }
    const error = `set ${missing.join(', ')} first`;
    logger.error(`${what} not run: ${error}`);
    return { ok: false, missing, error };
}
