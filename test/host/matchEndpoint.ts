export interface MatchedEndpoint {
    /** The endpoint's registered path (what the engine's executeApi is called with). */
    path: string;
    params: Record<string, string>;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rocket.Chat mounts each app endpoint with express: `router.all('/' + endpoint.path, …)`
 * (app/apps/server/bridges/api.ts). Express paths match case-insensitively, allow one trailing
 * slash, and turn `:name` segments into `req.params.name` (URL-decoded). `requested` is the
 * still-encoded part of the URL after `/api/apps/public/<appId>/`. Undefined when no endpoint
 * matches (Rocket.Chat answers 404 "Not Found"); `decodeError` when a parameter is not valid
 * percent-encoding (express answers 400).
 */
export function matchEndpoint(paths: Iterable<string>, requested: string): MatchedEndpoint | 'decodeError' | undefined {
    for (const path of paths) {
        const names: Array<string> = [];
        const pattern = path.trim().replace(/^\/+/, '').split('/').map((segment) => {
            if (segment.startsWith(':')) {
                names.push(segment.slice(1));
                return '([^/]+?)';
            }
            return escape(segment);
        }).join('/');
        const match = new RegExp(`^${pattern}/?$`, 'i').exec(requested);
        if (!match) {
            continue;
        }
        const params: Record<string, string> = {};
        try {
            names.forEach((name, i) => {
                params[name] = decodeURIComponent(match[i + 1]);
            });
        } catch {
            return 'decodeError';
        }
        return { path, params };
    }
    return undefined;
}
