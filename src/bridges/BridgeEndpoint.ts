import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';

import { HttpError } from '../http/HttpError';
import { HttpMethod, JsonEndpoint } from '../http/JsonEndpoint';
import { requireBody } from '../http/requestBody';
import { RequestContext } from '../http/RequestContext';
import { Platform } from '../platforms/Platform';
import { PlatformInbound } from '../platforms/PlatformInbound';
import { EndpointAuth } from '../security/EndpointAuth';
import { BridgeEventApplier } from './BridgeEventApplier';
import { bridgeReadiness } from './bridgeReadiness';

/** The endpoint of a bridged platform: on and configured (else 503) → preflight → a body (else 400) → its auth (else 401) → events → answer. */
export class BridgeEndpoint extends JsonEndpoint {
    public readonly path: string;
    public readonly source: string;
    protected readonly methods: ReadonlyArray<HttpMethod>;
    /** Platforms POST their events as JSON (GETs are verification calls). */
    protected readonly bodyMethods: ReadonlyArray<HttpMethod> = ['post'];
    protected readonly formBodies: boolean;
    protected readonly auth: EndpointAuth;

    constructor(app: IApp, private readonly platform: Platform, private readonly inbound: PlatformInbound) {
        super(app);
        this.path = inbound.path;
        this.source = platform.source;
        this.methods = inbound.methods;
        this.formBodies = inbound.acceptsFormBodies === true;
        this.auth = inbound.auth;
    }

    protected async beforeAuth(context: RequestContext): Promise<IApiResponse | undefined> {
        const readiness = await bridgeReadiness(this.inbound, context.settings);
        if (!readiness.enabled) {
            throw HttpError.switchedOff(`the ${this.platform.label} bridge is switched off (setting ${this.inbound.enabledSetting})`);
        }
        if (readiness.missing.length > 0) {
            throw HttpError.notConfigured(`the ${this.platform.label} bridge is not configured: set ${readiness.missing.join(', ')}`);
        }
        const early = this.inbound.preflight ? await this.inbound.preflight(context) : undefined;
        if (early) {
            return early;
        }
        if (context.method === 'post') {
            requireBody(context.request, `the ${this.platform.label} event`);
        }
        return undefined;
    }

    protected async handle(context: RequestContext): Promise<IApiResponse> {
        const events = await this.inbound.parse(context);
        const applier = new BridgeEventApplier(context, this.platform, this.inbound);
        for (const event of events) {
            await applier.apply(event);
        }
        return this.inbound.answer();
    }
}
