/**
 * How an endpoint's callers prove who they are, declared by the endpoint and checked by
 * JsonEndpoint before the handler runs.
 */
export type EndpointAuth =
    /** `Authorization: Token <App Secret>`. */
    | { readonly kind: 'app-secret' }
    /** A `sha256=` HMAC of the body in `header`, keyed with the secret in `secretSetting`. */
    | { readonly kind: 'signature'; readonly header: string; readonly secretSetting: string }
    /**
     * A shared token in `header` (or, when `query` is given, in that query parameter instead)
     * equal to the setting `setting`; `secretName` is how errors name it (default: the setting id).
     */
    | { readonly kind: 'token'; readonly header: string; readonly query?: string; readonly setting: string; readonly secretName?: string }
    /** `Authorization: Bearer <token>` equal to the setting `setting` (what Prometheus sends). */
    | { readonly kind: 'bearer'; readonly setting: string }
    /** Open to anyone; `reason` says why that is safe. */
    | { readonly kind: 'none'; readonly reason: string };
