import { LocalRocketChat } from './LocalRocketChat';

/** Pins a request to one instance of a cluster (tests); the front door never shows it to the app. */
export const INSTANCE_HEADER = 'x-host-instance';

/**
 * Where a request goes, as a load balancer chooses: the instance the `X-Host-Instance: <n>` header
 * names (when there is one), else the cluster (round robin over the running instances).
 */
export function pinnedHost(host: LocalRocketChat, pinned: string | undefined): LocalRocketChat {
    return pinned !== undefined && /^\d+$/.test(pinned) && Number(pinned) < host.instanceCount ? host.on(Number(pinned)) : host;
}
