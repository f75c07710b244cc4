import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { engineProfile } from '../engineProfile';
import { parseHostBody } from './parseHostBody';
import { RestAnswer, RestRoute } from './RestApi';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { MATRIX } = require('../../../scripts/engines') as { MATRIX: ReadonlyArray<{ version: string; rocketChat: string }> };

/** The Rocket.Chat release that ships the engine this host runs (scripts/engines.js), e.g. `8.4`. */
const ROCKET_CHAT_VERSION = MATRIX.find((entry) => entry.version === engineProfile.version)?.rocketChat;

/** A login refused, whatever the reason: Rocket.Chat answers every one alike (it does not tell whether the user exists). */
const LOGIN_REFUSED: RestAnswer = { status: 401, body: { success: false, status: 'error', error: 'Unauthorized', message: 'Unauthorized' } };

/** The user as `/api/v1/me` and the login's `me` show it (getUserInfo: a few of its fields). */
function userInfo(user: IUser): Record<string, unknown> {
    return {
        _id: user.id,
        username: user.username,
        name: user.name,
        status: user.status,
        active: user.isEnabled,
        roles: user.roles,
        emails: user.emails,
    };
}

/**
 * Who is calling, and which server this is:
 * - `GET /api/info` (app/api/server/default/info.ts, getServerInfo): to a caller without the
 *   view-statistics permission, `{version: "<major>.<minor>", success}` (the real answer also
 *   carries minimumClientVersions, and a signed list of supported versions when the workspace is
 *   registered);
 * - `POST /api/v1/login` (APIClass._initAuth) `{user | username | email, password[, code]}` →
 *   `{status: "success", data: {userId, authToken, me}}`; any refusal → 401 `{status: "error",
 *   error: "Unauthorized", message: "Unauthorized"}` (loginErrorMessageOverride.ts turns every
 *   login error into "User not found", which the route answers so). `code` is a 2FA code; no user
 *   here has 2FA, so it is not checked;
 * - `GET /api/v1/me`: the logged-in user.
 */
export function accountRoutes(): Array<RestRoute> {
    return [
        {
            method: 'GET', path: '/api/info', authRequired: false,
            handle: () => ({ status: 200, body: { version: ROCKET_CHAT_VERSION, success: true } }),
        },
        {
            method: 'POST', path: '/api/v1/login', authRequired: false,
            handle: ({ request, host }) => {
                const parsed = parseHostBody(request.raw.toString('utf8'), String(request.headers['content-type'] ?? ''));
                const body = parsed.ok && parsed.value !== null && typeof parsed.value === 'object' ? parsed.value as Record<string, unknown> : {};
                const name = [body.user, body.username, body.email].find((value): value is string => typeof value === 'string');
                const user = name === undefined ? undefined : [...host.store.users.values()].find((candidate) => candidate.username === name || candidate.emails.some((email) => email.address === name));
                if (!user || typeof body.password !== 'string' || !user.isEnabled || !host.store.passwords.matches(user.id, body.password)) {
                    return LOGIN_REFUSED;
                }
                const { userId, authToken } = host.login(user.username);
                return { status: 200, body: { status: 'success', data: { userId, authToken, me: userInfo(user) }, success: true } };
            },
        },
        {
            method: 'GET', path: '/api/v1/me', authRequired: true,
            handle: ({ user }) => ({ status: 200, body: { ...userInfo(user!), success: true } }),
        },
    ];
}
