import { WorkspaceLicense } from '../HostStore';
import { HostApiContext } from './HostApiContext';
import { HostApiError } from './HostApiError';
import { bodyObject } from './hostInput';
import { answer, HostRoute } from './HostRoute';

const LICENSES: ReadonlyArray<WorkspaceLicense> = ['licensed', 'community'];

/**
 * The workspace's license, which decides what an app upload may do (see appManagementRoutes):
 * `licensed` (the playground's default: a license without a private-app limit, so a deploy
 * installs, enables and updates the app) or `community` (no license, as a new Rocket.Chat 7.0 or
 * later: an uploaded app stays disabled, an update is refused).
 */
export function workspaceRoutes(context: HostApiContext): Array<HostRoute> {
    const { store } = context.host;
    return [
        {
            method: 'GET', path: '/host/workspace', summary: 'the workspace\'s license as app uploads see it: {"license":"licensed"} or {"license":"community"}',
            handle: () => answer(200, { license: store.license }),
        },
        {
            method: 'PUT', path: '/host/workspace', summary: 'change the workspace\'s license {"license":"community"} (an uploaded app stays disabled, updates are refused) or {"license":"licensed"}',
            handle: ({ body }) => {
                const license = bodyObject(body).license;
                if (typeof license !== 'string' || !(LICENSES as ReadonlyArray<string>).includes(license)) {
                    throw HostApiError.badRequest(`"license" must be one of ${LICENSES.join(', ')}`);
                }
                store.license = license as WorkspaceLicense;
                return answer(200, { license: store.license });
            },
        },
    ];
}
