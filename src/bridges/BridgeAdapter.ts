import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { ServiceContext } from '../conversations/ConversationService';
import { HttpMethod } from '../http/JsonEndpoint';
import { ConversationLink } from '../links/ConversationLink';
import { RequestContext } from '../http/RequestContext';
import { SettingId } from '../settings/SettingId';
import { InboundEvent } from './InboundEvent';

/**
 * The inward half of a bridged platform: which endpoint it owns, which settings switch it
 * on and configure it, how its requests are verified and turned into platform-neutral events.
 * Its outward half is an OutboundAdapter (src/sources).
 */
export interface BridgeAdapter {
    readonly source: string;
    /** Shown to agents (room source, context labels) and in errors. */
    readonly label: string;
    readonly path: string;
    readonly methods: ReadonlyArray<HttpMethod>;
    readonly enabledSetting: SettingId;
    /** Settings that must be set before the bridge can work. */
    readonly requiredSettings: ReadonlyArray<SettingId>;
    /** Department for rooms it opens (falls back to default_department). */
    readonly departmentSetting: SettingId;
    /** Whether its requests may come as a form (else only JSON bodies are taken; others get 415). */
    readonly acceptsFormBodies?: boolean;
    /**
     * Its end users are Rocket.Chat visitors already, keyed by their own visitor token (UChat
     * serves livechat widget visitors); otherwise the app registers a visitor per end user
     * under a token derived from the end user's key.
     */
    readonly servesWidgetVisitors?: boolean;

    /** Answers a request that carries no events (a platform's verification call), or undefined to go on. */
    preflight?(context: RequestContext): Promise<IApiResponse | undefined>;
    /** Throws a 401 HttpError unless the request proves it comes from the platform. */
    verify(context: RequestContext): Promise<void>;
    /** The request's events, in order; throws a 400 HttpError for a body it cannot read. */
    parse(context: RequestContext): Promise<Array<InboundEvent>>;
    /** The answer the platform expects once the events are handled (or were already seen). */
    answer(): IApiResponse;
    /** A room Rocket.Chat opened for the visitor (not the app) that this platform serves, linked on first contact. */
    adoptRoom?(visitorToken: string, context: ServiceContext): Promise<ConversationLink | undefined>;
    /** Hands a conversation over from the platform's bot to human agents (platforms whose bot serves rooms). */
    handOver?(link: ConversationLink, context: ServiceContext, reason: string): Promise<void>;
}
