import { ApiBridge } from '@rocket.chat/apps-engine/server/bridges/ApiBridge';
import { AppApi } from '@rocket.chat/apps-engine/server/managers/AppApi';

/** Keeps the list of endpoint paths each app registered (the front door routes through the engine's ApiManager). */
export class HostApiBridge extends ApiBridge {
    public readonly paths = new Map<string, Set<string>>();

    protected async registerApi(api: AppApi, appId: string): Promise<void> {
        const paths = this.paths.get(appId) ?? new Set<string>();
        paths.add(api.endpoint.path);
        this.paths.set(appId, paths);
    }

    protected async unregisterApis(appId: string): Promise<void> {
        this.paths.delete(appId);
    }
}
