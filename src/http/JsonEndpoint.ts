import { IHttp, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { AppSettings } from '../settings/AppSettings';
import { errorResponse } from './errorResponse';
import { HttpError } from './HttpError';
import { refuseUnreadableBody } from './requestBody';
import { RequestContext } from './RequestContext';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete' | 'patch' | 'head' | 'options';

/**
 * Base of every endpoint. It answers every HTTP method, so that a wrong method gets a
 * JSON 405 instead of the engine's rejection (which Rocket.Chat turns into a 500), and it
 * maps every failure through `errorResponse`.
 */
export abstract class JsonEndpoint extends ApiEndpoint {
    public abstract readonly path: string;

    /** Methods this endpoint serves; everything else is 405. */
    protected abstract readonly methods: ReadonlyArray<HttpMethod>;

    /** Methods on which it reads a JSON body: a body in another content type gets 415 (Rocket.Chat would hand the app `{}`). */
    protected readonly bodyMethods: ReadonlyArray<HttpMethod> = [];

    /** Whether a form body (which Rocket.Chat passes as string fields) is taken too. */
    protected readonly formBodies: boolean = false;

    public get(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('get', request, read, modify, http, persis);
    }

    public post(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('post', request, read, modify, http, persis);
    }

    public put(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('put', request, read, modify, http, persis);
    }

    public delete(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('delete', request, read, modify, http, persis);
    }

    public patch(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('patch', request, read, modify, http, persis);
    }

    public head(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('head', request, read, modify, http, persis);
    }

    public options(request: IApiRequest, _e: IApiEndpointInfo, read: IRead, modify: IModify, http: IHttp, persis: IPersistence): Promise<IApiResponse> {
        return this.run('options', request, read, modify, http, persis);
    }

    protected abstract handle(context: RequestContext): Promise<IApiResponse>;

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
            return await this.handle({ request, appId: this.app.getID(), method, read, modify, http, persistence, settings, logger });
        } catch (error) {
            return errorResponse(error, logger);
        }
    }
}
