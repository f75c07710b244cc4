import { ChildProcess } from 'child_process';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';

/** What a ProxiedApp exposes of its runtime: getDenoRuntime() up to Apps-Engine 1.53, getRuntimeController() later. */
interface RuntimeOwner {
    getDenoRuntime?(): unknown;
    getRuntimeController?(): unknown;
}

/** The Deno processes running the apps of an engine (each runtime object keeps its process, privately, as `deno`). */
export async function runtimeProcesses(manager: AppManager): Promise<Array<ChildProcess>> {
    const apps = (await manager.get()) as unknown as Array<RuntimeOwner>;
    return apps
        .map((app) => (app.getRuntimeController?.() ?? app.getDenoRuntime?.()) as { deno?: ChildProcess } | undefined)
        .map((runtime) => runtime?.deno)
        .filter((child): child is ChildProcess => child !== undefined);
}
