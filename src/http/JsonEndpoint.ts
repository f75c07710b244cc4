import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { checkEndpointAuth } from '../security/checkEndpointAuth';
import { EndpointAuth } from '../security/EndpointAuth';
import { AppSettings } from '../settings/AppSettings';
import { RefusalReason, RefusalStatsStore } from '../stats/RefusalStatsStore';
import { errorResponse } from './errorResponse';
import { HttpError } from './HttpError';
import { refuseUnreadableBody } from './requestBody';
import { RequestContext } from './RequestContext';

/** What the engine calls an endpoint's method with. */
type Verb = (this: JsonEndpoint, request: IApiRequest, endpoint: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence) => Promise<IApiResponse>;

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head' | 'options';

/**
 * Base of every endpoint. It answers every HTTP method, so that a wrong method gets a
 * JSON 405 instead of the engine's rejection (which Rocket.Chat turns into a 500), and it
 * maps every failure through `errorResponse`. Every endpoint declares how its callers prove who
 * they are (`auth`), and the base class checks it before the handler runs. A refused request
 * (an HttpError with a `refusal` reason) is counted under the endpoint's `source`; counting
 * costs round trips on that path only, never on an accepted request's.
 */
export abstract class JsonEndpoint extends ApiEndpoint {
    public abstract readonly path: string;

    /** Whose endpoint this is, for the counts of refused requests: a platform's source id, or `APP_SOURCE`. */
    public abstract readonly source: string;

    /** Methods this endpoint serves; everything else is 405. */
    protected abstract readonly methods: ReadonlyArray<HttpMethod>;

    /** Methods on which it reads a JSON body: a body in another content type gets 415 (Rocket.Chat would hand the app `{}`). */
    protected readonly bodyMethods: ReadonlyArray<HttpMethod> = [];

    /** Whether a form body (which Rocket.Chat passes as string fields) is taken too. */
    protected readonly formBodies: boolean = false;

    /** How callers prove who they are; checked before `handle`. */
    protected abstract readonly auth: EndpointAuth;

    public readonly get: Verb = JsonEndpoint.verb('get');
    public readonly post: Verb = JsonEndpoint.verb('post');
    public readonly put: Verb = JsonEndpoint.verb('put');
    public readonly delete: Verb = JsonEndpoint.verb('delete');
    public readonly patch: Verb = JsonEndpoint.verb('patch');
    public readonly head: Verb = JsonEndpoint.verb('head');
    public readonly options: Verb = JsonEndpoint.verb('options');

    protected abstract handle(context: RequestContext): Promise<IApiResponse>;

    /** What must hold before the caller's proof is checked (e.g. the endpoint is switched on), or an answer that needs no proof. */
    protected async beforeAuth(_context: RequestContext): Promise<IApiResponse | undefined> {
        return undefined;
    }

    /**
     * The engine calls `endpoint[method](…)` for each method it finds on the endpoint, with
     * `this` bound to the endpoint wrapped for the request (its app's logger keeps the request's
     * log lines): every one goes to `run` on that `this`.
     */
    private static verb(method: HttpMethod): Verb {
        return function (this: JsonEndpoint, request, _endpoint, read, modify, http, persistence) {
            return this.run(method, request, read, modify, http, persistence);
        };
    }

    private async run(method: HttpMethod, request: IApiRequest, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence): Promise<IApiResponse> {
        const logger = this.app.getLogger();
        try {
            if (!this.methods.includes(method)) {
                throw HttpError.methodNotAllowed(method, this.methods);
            }
            if (this.bodyMethods.includes(method)) {
                refuseUnreadableBody(request, this.formBodies);
            }
            const settings = AppSettings.from(read);
            const context: RequestContext = { request, appId: this.app.getID(), method, read, modify, http, persistence, settings, logger };
            const early = await this.beforeAuth(context);
            if (early) {
                return early;
            }
            await checkEndpointAuth(this.auth, context);
            return await this.handle(context);
        } catch (error) {
            if (error instanceof HttpError && error.refusal) {
                await this.countRefusal(error.refusal, read, persistence);
            }
            return errorResponse(error, logger);
        }
    }

    /** Counts a refusal; a failure to count is logged and the refusal is answered all the same. */
    private async countRefusal(reason: RefusalReason, read: IRead, persistence: IPersistence): Promise<void> {
        try {
            await new RefusalStatsStore(read.getPersistenceReader(), persistence).count(this.source, reason, new Date());
        } catch (error) {
            this.app.getLogger().error(`${this.source}: could not count a refused request (${reason}): ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}
