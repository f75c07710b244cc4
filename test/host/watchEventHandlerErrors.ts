import { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';

import { HostErrors } from './HostErrors';

type Runtime = { sendRequest(message: { method: string }, options?: unknown): Promise<unknown> };

const watched = new WeakSet<object>();

/** Methods the engine calls for app events (IPostMessageSent, IPostLivechatRoomClosed, …). */
const EVENT_HANDLER = /^app:(check|execute)(Pre|Post)/;

/** JSON-RPC "method not found": an optional handler the app does not implement (the engine goes on). */
const METHOD_NOT_FOUND = -32601;

/**
 * The engine's ProxiedApp.call swallows an exception thrown by an app's event handler (it only
 * prints it, as Rocket.Chat does), so the host listens on the app's runtime and records it.
 */
export function watchEventHandlerErrors(app: ProxiedApp, errors: HostErrors): void {
    // Engines up to 1.53 name it getDenoRuntime(), later ones getRuntimeController().
    const proxied = app as unknown as { getRuntimeController?(): unknown; getDenoRuntime?(): unknown };
    const runtime = (proxied.getRuntimeController ? proxied.getRuntimeController() : proxied.getDenoRuntime?.()) as Runtime;
    if (watched.has(runtime)) {
        return;
    }
    watched.add(runtime);
    const send = runtime.sendRequest.bind(runtime);
    runtime.sendRequest = async (message, options) => {
        try {
            return await send(message, options);
        } catch (error) {
            if (EVENT_HANDLER.test(message.method) && (error as { code?: number })?.code !== METHOD_NOT_FOUND) {
                errors.record(message.method.replace(/^app:/, ''), error);
            }
            throw error;
        }
    };
}
