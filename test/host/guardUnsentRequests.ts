import { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';

type Wait = (...args: Array<unknown>) => unknown;

const guarded = new WeakSet<object>();

/**
 * Apps-Engine up to 1.53 starts waiting for a request's answer before sending it, and when the
 * send throws (the app's Deno process is gone: an update or a restart has just replaced it) the
 * wait (and the `finally` sendRequest chains to it) is left without a listener: its timeout rejects
 * 30 s later as an unhandled rejection, which fails whatever test runs then in this worker, or
 * ends this process (1.59 aborts the wait instead). The host gives that wait a listener; a
 * caller that awaits it still gets its rejection. Later engines' waits are left as they are.
 */
export function guardUnsentRequests(app: ProxiedApp): void {
    // Engines up to 1.53 name it getDenoRuntime(), later ones getRuntimeController().
    const proxied = app as unknown as { getRuntimeController?(): unknown; getDenoRuntime?(): unknown };
    const runtime = (proxied.getRuntimeController ? proxied.getRuntimeController() : proxied.getDenoRuntime?.()) as { waitForResponse?: Wait };
    if (!runtime.waitForResponse || guarded.has(runtime)) {
        return;
    }
    guarded.add(runtime);
    const wait = runtime.waitForResponse.bind(runtime);
    runtime.waitForResponse = (...args) => {
        const answer = wait(...args);
        if (answer instanceof Promise) {
            answer.catch(() => undefined);
            // sendRequest keeps `answer.finally(…)`, a promise of its own that rejects too: it gets a listener as well.
            answer.finally = (onFinally) => {
                const kept = Promise.prototype.finally.call(answer, onFinally);
                kept.catch(() => undefined);
                return kept;
            };
        }
        return answer;
    };
}
