/**
 * A bridge the local host does not provide (commands, e-mail, video conferences…).
 * Any call the engine or the app makes on it fails with a clear message.
 */
export function unusedBridge<T extends object>(name: string): T {
    return new Proxy({} as T, {
        get(_target, property) {
            if (property === 'then') {
                return undefined;
            }
            return () => Promise.reject(new Error(`${name}.${String(property)} is not provided by the local Rocket.Chat host`));
        },
    });
}
