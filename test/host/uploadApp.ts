import { AppStatus, AppStatusUtils } from '@rocket.chat/apps-engine/definition/AppStatus';
import { IPermission } from '@rocket.chat/apps-engine/definition/permissions/IPermission';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import { AppFabricationFulfillment } from '@rocket.chat/apps-engine/server/compiler';
import { IAppStorageItem } from '@rocket.chat/apps-engine/server/storage';

export interface UploadOptions {
    /** The admin who uploads (the engine hands it to the app's onInstall and onUpdate). */
    user: IUser;
    /** The form's `permissions`, when it had a non-empty list; else the engine's defaults. */
    permissionsGranted?: Array<IPermission>;
    /** Whether the workspace's license lets one more private app be enabled (canEnableApp); install only. */
    mayEnable: boolean;
}

/** The engines of a cluster as an upload meets them: the instance that took the request, and the others. */
export interface ClusterEngines {
    serving: AppManager;
    others: ReadonlyArray<AppManager>;
    /** The package the shared source storage holds for an app (what the other instances load). */
    storedPackage(item: IAppStorageItem): Promise<Buffer>;
}

/** The engine's fulfillment, and the app's status once every instance has it (absent after a storage or app-user error). */
export interface UploadOutcome {
    fulfillment: AppFabricationFulfillment;
    status?: AppStatus;
}

/**
 * What Rocket.Chat does with an uploaded app package (ee/server/apps/communication/rest.ts, 7.x
 * and 8.x), after the route's checks:
 * - `install` (POST /api/apps): `manager.add(zip, { enable: false, … })`; when canEnableApp allows
 *   (the license's private-app limit), `changeStatus(id, MANUALLY_ENABLED)`, else the app stays
 *   installed and disabled (the server only logs it); then `appAdded` reaches every other instance,
 *   whose AppServerListener.onAppAdded runs `addLocal(id)` (which enables it there when stored enabled).
 * - `update` (POST /api/apps/:id): `manager.update(zip, permissions, { user, loadApp: true })` on the
 *   serving instance (the engine disables the app, stores the new package and info over the old
 *   record, settings included, restarts the runtime with the new code and runs onUpdate); then
 *   `appUpdated` reaches the others, whose onAppUpdated reads the stored record and package and runs
 *   `updateAndStartupLocal` (enabled) or `updateAndInitializeLocal`. App persistence and scheduled
 *   jobs are not touched. Resolves once every instance runs the new package.
 */
export async function uploadApp(kind: 'install' | 'update', engines: ClusterEngines, zip: Buffer, options: UploadOptions): Promise<UploadOutcome> {
    const { serving, others } = engines;
    // Rocket.Chat passes `undefined` for a form without permissions (the engine then grants its defaults), which update()'s type does not admit.
    const permissions = options.permissionsGranted as Array<IPermission>;
    const fulfillment = kind === 'install'
        ? await serving.add(zip, { enable: false, permissionsGranted: permissions, user: options.user })
        : await serving.update(zip, permissions, { user: options.user, loadApp: true });
    if (fulfillment.hasStorageError() || fulfillment.hasAppUserError()) {
        return { fulfillment };
    }
    const appId = fulfillment.getApp().getID();
    if (kind === 'install') {
        if (options.mayEnable) {
            // The server catches a failure here and answers success with the app disabled.
            await serving.changeStatus(appId, AppStatus.MANUALLY_ENABLED).catch(() => undefined);
        }
        for (const engine of others) {
            await engine.addLocal(appId);
        }
    } else {
        for (const engine of others) {
            const stored = await engine.getStorage().retrieveOne(appId);
            if (!stored) {
                throw new Error(`app ${appId} was updated, yet its record is not in the shared storage`);
            }
            const appPackage = await engines.storedPackage(stored);
            await (AppStatusUtils.isEnabled(stored.status) ? engine.updateAndStartupLocal(stored, appPackage) : engine.updateAndInitializeLocal(stored, appPackage));
        }
    }
    return { fulfillment, status: await serving.getOneById(appId).getStatus() };
}
