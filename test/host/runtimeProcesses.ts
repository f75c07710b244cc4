import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import { ChildProcess } from 'child_process';
import { EventEmitter } from 'events';

/** What a ProxiedApp exposes of its runtime: getDenoRuntime() up to Apps-Engine 1.53, getRuntimeController() later. */
interface RuntimeOwner {
    getDenoRuntime?(): unknown;
    getRuntimeController?(): unknown;
}

/** The engine's runtime controller of each app: an event emitter that keeps its Deno process, privately, as `deno`. */
async function runtimes(manager: AppManager): Promise<Array<EventEmitter & { deno?: ChildProcess }>> {
    const apps = (await manager.get()) as unknown as Array<RuntimeOwner>;
    return apps
        .map((app) => (app.getRuntimeController?.() ?? app.getDenoRuntime?.()) as (EventEmitter & { deno?: ChildProcess }) | undefined)
        .filter((runtime): runtime is EventEmitter & { deno?: ChildProcess } => runtime !== undefined);
}

/** The Deno processes running the apps of an engine. */
export async function runtimeProcesses(manager: AppManager): Promise<Array<ChildProcess>> {
    return (await runtimes(manager)).map((runtime) => runtime.deno).filter((child): child is ChildProcess => child !== undefined);
}

/**
 * Fails every call the engine is still waiting on from its apps' runtimes, as a server process
 * that dies takes its pending work with it (the engine would otherwise wait out its 30 s
 * timeout on a runtime that is gone). The engine waits on `result:<request id>` events.
 */
export async function failPendingRuntimeCalls(manager: AppManager, reason: string): Promise<void> {
    for (const runtime of await runtimes(manager)) {
        for (const name of runtime.eventNames()) {
            if (String(name).startsWith('result:')) {
                runtime.emit(name, undefined, new Error(reason));
            }
        }
    }
}
