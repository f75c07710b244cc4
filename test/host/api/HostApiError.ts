/**
 * A mistake in a request to the local Rocket.Chat's own API (`/host/…`): an unknown room, user,
 * department or setting, a missing or mistyped field, a body that is not JSON. Answered once,
 * by the router, as JSON `{"error": message}` with `status`: never a 500.
 */
export class HostApiError extends Error {
    constructor(public readonly status: number, message: string) {
        super(message);
        this.name = 'HostApiError';
    }

    public static badRequest(message: string): HostApiError {
        return new HostApiError(400, message);
    }

    public static notFound(message: string): HostApiError {
        return new HostApiError(404, message);
    }
}
