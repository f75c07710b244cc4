import { IPermission } from '@rocket.chat/apps-engine/definition/permissions/IPermission';
import { AppPackageParser } from '@rocket.chat/apps-engine/server/compiler';
import { AppInstallationSource } from '@rocket.chat/apps-engine/server/storage';

import { multipartFormData } from './multipartFormData';
import { RestAnswer, RestCall, RestRoute } from './RestApi';

const MANAGE_APPS = ['manage-apps'];

const failure = (body: Record<string, unknown>): RestAnswer => ({ status: 400, body: { ...body, success: false } });

/** The form's `permissions`: a JSON list, used only when it is one and not empty (else the engine's defaults). */
function grantedPermissions(field: string | undefined): Array<IPermission> | undefined {
    try {
        const permissions: unknown = JSON.parse(field ?? '');
        return Array.isArray(permissions) && permissions.length ? permissions as Array<IPermission> : undefined;
    } catch {
        return undefined;
    }
}

/**
 * An uploaded package, as POST /api/apps (install) and POST /api/apps/:id (update) take it:
 * multipart field `app`, optional `permissions`. Like Rocket.Chat 7.x and 8.x
 * (ee/server/apps/communication/rest.ts), no server setting gates an upload (the development-mode
 * check of 5.x and before is gone), but the license does: on a workspace without one (Community)
 * an install leaves the app disabled (the private-app limit is 0 since 7.0) and an update is
 * refused, `Cannot_Update_Exempt_App`. The update takes the app the package names, whatever the
 * `:id` (as the server does). An install of an app that exists is refused as the server's app
 * storage refuses it, "App already exists." (here before the engine starts a runtime for it).
 */
async function upload(kind: 'install' | 'update', { request, host, user }: RestCall): Promise<RestAnswer> {
    const form = multipartFormData(request.raw, String(request.headers['content-type'] ?? ''));
    const zip = form.files.find((file) => file.field === 'app')?.data;
    if (!zip) {
        return failure(kind === 'install' ? { error: 'app_file_error', message: 'Failed to get a file to install for the App. ' } : { error: 'Failed to get a file to install for the App. ' });
    }
    if (kind === 'update' && host.store.license === 'community') {
        return failure({ error: 'Cannot_Update_Exempt_App' });
    }
    if (kind === 'install' && host.installedApp((await new AppPackageParser().unpackageApp(zip)).info.id)) {
        return failure({ error: 'App already exists.' });
    }
    const { fulfillment, status } = await host.uploadApp(kind, zip, { user: user!, permissionsGranted: grantedPermissions(form.fields.permissions), mayEnable: host.store.license === 'licensed' });
    if (fulfillment.hasStorageError() || fulfillment.hasAppUserError()) {
        return failure(fulfillment.hasStorageError() ? { status: 'storage_error', messages: [fulfillment.getStorageError()] } : { status: 'app_user_error', messages: [fulfillment.getAppUserError()] });
    }
    return {
        status: 200,
        body: { app: { ...fulfillment.getAppInfo(), status }, implemented: fulfillment.getImplementedInferfaces(), licenseValidation: fulfillment.getLicenseValidationResult(), success: true },
    };
}

/**
 * The app management a deploy goes through (rc-apps' deployHelpers: look the app up, then install
 * or update), each needing a logged-in user with the `manage-apps` permission:
 * - `GET /api/apps/:id` → `{app}` as formatAppInstanceForRest shapes it (the package's app.json
 *   fields, `status`, `languages`, `private`, `migrated`), else 404 `No App found by the id of: <id>`;
 * - `POST /api/apps` and `POST /api/apps/:id`: see `upload`; `{app: {…, status}, implemented, licenseValidation}`.
 */
export function appManagementRoutes(): Array<RestRoute> {
    return [
        {
            method: 'GET', path: '/api/apps/:id', authRequired: true, permissionsRequired: MANAGE_APPS,
            handle: async ({ params, host }) => {
                const app = host.installedApp(params.id);
                if (!app) {
                    return { status: 404, body: { success: false, error: `No App found by the id of: ${params.id}` } };
                }
                const item = app.getStorageItem();
                return {
                    status: 200,
                    body: {
                        app: { ...app.getInfo(), status: await app.getStatus(), languages: item.languageContent, private: item.installationSource === AppInstallationSource.PRIVATE, migrated: Boolean(item.migrated) },
                        success: true,
                    },
                };
            },
        },
        { method: 'POST', path: '/api/apps', authRequired: true, permissionsRequired: MANAGE_APPS, handle: (call) => upload('install', call) },
        { method: 'POST', path: '/api/apps/:id', authRequired: true, permissionsRequired: MANAGE_APPS, handle: (call) => upload('update', call) },
    ];
}
