import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { HttpError } from '../http/HttpError';
import { HttpMethod, JsonEndpoint } from '../http/JsonEndpoint';
import { RequestContext } from '../http/RequestContext';

/**
 * A path of the endpoint contract whose behaviour this version does not provide yet:
 * it answers 503 JSON saying so (after the method check), never a crash.
 */
export class NotYetAvailableEndpoint extends JsonEndpoint {
    constructor(app: ConstructorParameters<typeof JsonEndpoint>[0], public readonly path: string, protected readonly methods: ReadonlyArray<HttpMethod>) {
        super(app);
    }

    protected async handle(_context: RequestContext): Promise<IApiResponse> {
        throw HttpError.unavailable(`the '${this.path}' endpoint is not available in this version of the Tickets app`);
    }
}
