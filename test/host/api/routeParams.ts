/** The `:name` values of a route pattern (`/host/rooms/:id`) for a path's segments, or undefined when it does not match. */
export function routeParams(pattern: string, segments: ReadonlyArray<string>): Record<string, string> | undefined {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) {
        return undefined;
    }
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
        if (parts[i].startsWith(':')) {
            params[parts[i].slice(1)] = segments[i];
        } else if (parts[i] !== segments[i]) {
            return undefined;
        }
    }
    return params;
}
