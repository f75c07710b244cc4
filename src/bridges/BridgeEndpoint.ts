import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { HttpError } from '../http/HttpError';
import { HttpMethod, JsonEndpoint } from '../http/JsonEndpoint';
import { requireBody } from '../http/requestBody';
import { RequestContext } from '../http/RequestContext';
import { BridgeAdapter } from './BridgeAdapter';
import { BridgeEventApplier } from './BridgeEventApplier';
import { bridgeReadiness } from './bridgeReadiness';

/** The endpoint of a bridged platform: on and configured (else 503) → preflight → a body (else 400) → verify (else 401) → events → answer. */
export class BridgeEndpoint extends JsonEndpoint {
    public readonly path: string;
    protected readonly methods: ReadonlyArray<HttpMethod>;
    /** Platforms POST their events as JSON (GETs are verification calls). */
    protected readonly bodyMethods: ReadonlyArray<HttpMethod> = ['post'];
    protected readonly formBodies: boolean;

    constructor(app: IApp, private readonly adapter: BridgeAdapter) {
        super(app);
        this.path = adapter.path;
        this.methods = adapter.methods;
        this.formBodies = adapter.acceptsFormBodies === true;
    }

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const readiness = await bridgeReadiness(this.adapter, context.settings);
        if (!readiness.enabled) {
            throw HttpError.unavailable(`the ${this.adapter.label} bridge is switched off (setting ${this.adapter.enabledSetting})`);
        }
        if (readiness.missing.length > 0) {
            throw HttpError.unavailable(`the ${this.adapter.label} bridge is not configured: set ${readiness.missing.join(', ')}`);
        }
        const early = this.adapter.preflight ? await this.adapter.preflight(context) : undefined;
        if (early) {
            return early;
        }
        if (context.method === 'post') {
            requireBody(context.request, `the ${this.adapter.label} event`);
        }
        await this.adapter.verify(context);
        const events = await this.adapter.parse(context);
        const applier = new BridgeEventApplier(context, this.adapter);
        for (const event of events) {
            await applier.apply(event);
        }
        return this.adapter.answer();
    }
}
