import { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import { AppActivationBridge } from '@rocket.chat/apps-engine/server/bridges/AppActivationBridge';
import { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';

/** Remembers each app's last status change, as Rocket.Chat's admin UI would show it. */
export class HostActivationBridge extends AppActivationBridge {
    public readonly statuses = new Map<string, AppStatus>();

    protected async appAdded(): Promise<void> {
        // Rocket.Chat broadcasts this to clients; nothing to do here.
    }

    protected async appUpdated(): Promise<void> {
        // Rocket.Chat broadcasts this to clients; nothing to do here.
    }

    protected async appRemoved(app: ProxiedApp): Promise<void> {
        this.statuses.delete(app.getID());
    }

    protected async appStatusChanged(app: ProxiedApp, status: AppStatus): Promise<void> {
        this.statuses.set(app.getID(), status);
    }

    protected async actionsChanged(): Promise<void> {
        // No UI actions in the local host.
    }
}
