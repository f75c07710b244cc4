import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { InboundEvent } from '../bridges/InboundEvent';
import { HttpMethod } from '../http/JsonEndpoint';
import { RequestContext } from '../http/RequestContext';
import { EndpointAuth } from '../security/EndpointAuth';

/**
 * A platform's calls coming in: the endpoint it owns, the settings that switch it on and
 * configure it, how its requests are verified and turned into platform-neutral events.
 */
export interface PlatformInbound {
    readonly path: string;
    readonly methods: ReadonlyArray<HttpMethod>;
    readonly enabledSetting: string;
    /** Settings that must be set before the bridge can work. */
    readonly requiredSettings: ReadonlyArray<string>;
    /** Department for rooms it opens (falls back to default_department). */
    readonly departmentSetting: string;
    /** Where a conversation goes when the platform's bot (or the end user) asks for a human. */
    readonly handoverDepartmentSetting?: string;
    /** Whether its requests may come as a form (else only JSON bodies are taken; others get 415). */
    readonly acceptsFormBodies?: boolean;
    /**
     * Its end users are Rocket.Chat visitors already, keyed by their own visitor token (a
     * platform whose bot serves the livechat widget's visitors): their open room in the
     * platform's department is adopted on first contact. Otherwise the app registers a visitor
     * per end user under a token derived from the end user's key.
     */
    readonly servesWidgetVisitors?: boolean;
    /** How its events prove they come from the platform (checked before `parse`). */
    readonly auth: EndpointAuth;

    /** Answers a request that carries no events (a platform's verification call), or undefined to go on. */
    preflight?(context: RequestContext): Promise<IApiResponse | undefined>;
    /** The request's events, in order; throws a 400 HttpError for a body it cannot read. */
    parse(context: RequestContext): Promise<Array<InboundEvent>>;
    /** The answer the platform expects once the events are handled (or were already seen). */
    answer(): IApiResponse;
}
