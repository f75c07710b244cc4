import { ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { HttpError } from './HttpError';
import { jsonResponse } from './jsonResponse';

/** The one place that turns an error into an HTTP answer: `{"error": …}` with the right status. */
export function errorResponse(error: unknown, logger: ILogger): IApiResponse {
    if (error instanceof HttpError) {
        return jsonResponse(error.status, { ...error.details, error: error.message });
    }
    logger.error('unexpected failure while handling a request', error instanceof Error ? error.message : String(error));
    return jsonResponse(500, { error: 'internal error in the Tickets app; the administrator can find details in the app logs' });
}
