import { IUser } from '@rocket.chat/apps-engine/definition/users';
import * as http from 'http';

import { LocalRocketChat } from '../LocalRocketChat';
import { INSTANCE_HEADER, pinnedHost } from '../pinnedHost';
import { sendJson } from '../sendJson';
import { accountRoutes } from './accountRoutes';
import { appManagementRoutes } from './appManagementRoutes';
import { routeParams } from './routeParams';

export interface RestRequest {
    method: string;
    url: URL;
    raw: Buffer;
    headers: http.IncomingHttpHeaders;
}

/** What a route's handler gets: its path's `:name` values, the request, the caller (when the route needs one) and the instance that serves it. */
export interface RestCall {
    params: Record<string, string>;
    request: RestRequest;
    user?: IUser;
    host: LocalRocketChat;
}

export interface RestAnswer {
    status: number;
    body: Record<string, unknown>;
}

/** One of Rocket.Chat's own REST routes, with the options its API class checks before the handler (authRequired, permissionsRequired). */
export interface RestRoute {
    method: 'GET' | 'POST';
    /** `:name` segments match any one segment. */
    path: string;
    authRequired: boolean;
    permissionsRequired?: ReadonlyArray<string>;
    handle(call: RestCall): RestAnswer | Promise<RestAnswer>;
}

/** Rocket.Chat's default roles of the permissions these routes need (app/authorization/server/constant/permissions.ts). */
const PERMISSION_ROLES: Record<string, ReadonlyArray<string>> = { 'manage-apps': ['admin'] };

const LOGGED_OUT = 'You must be logged in to do this.';
const NOT_PERMITTED = 'User does not have the permissions required for this action [error-unauthorized]';

const matchPath = (pattern: string, pathname: string) => routeParams(pattern, pathname.split('/').filter(Boolean));

/**
 * Rocket.Chat's own REST routes beyond the widget's: logging in and the app management a deploy
 * uses (rc-apps' deploy code is a client of these). Each route is checked as Rocket.Chat's APIClass
 * checks it (app/api/server/ApiClass.ts, 7.x and 8.x): `authRequired` wants the `X-User-Id` +
 * `X-Auth-Token` of a logged-in user, else 401 `{"success":false,"status":"error","error"|"message":
 * "You must be logged in to do this."}`; `permissionsRequired` wants a role that has each permission,
 * else 403 `{"success":false,"error":"User does not have the permissions required for this action
 * [error-unauthorized]"}`; an exception in the handler is a 400 failure with its message.
 * `X-Host-Instance: <n>` pins the request to one instance of a cluster.
 */
export class RestApi {
    private readonly routes: ReadonlyArray<RestRoute>;

    constructor(private readonly host: LocalRocketChat) {
        this.routes = [...accountRoutes(), ...appManagementRoutes()];
    }

    public handles(pathname: string): boolean {
        return this.routes.some((route) => matchPath(route.path, pathname) !== undefined);
    }

    public async handle(request: RestRequest, res: http.ServerResponse): Promise<void> {
        const answer = await this.answer(request);
        sendJson(res, answer.status, answer.body);
    }

    private async answer(request: RestRequest): Promise<RestAnswer> {
        const pathname = request.url.pathname;
        const route = this.routes.find((candidate) => candidate.method === request.method.toUpperCase() && matchPath(candidate.path, pathname));
        if (!route) {
            return { status: 404, body: { success: false, error: `API endpoint "${pathname}" does not exist for ${request.method.toUpperCase()}` } };
        }
        const user = this.caller(request.headers);
        if (route.authRequired && !user) {
            return { status: 401, body: { success: false, status: 'error', error: LOGGED_OUT, message: LOGGED_OUT } };
        }
        if (user && !(route.permissionsRequired ?? []).every((permission) => (PERMISSION_ROLES[permission] ?? []).some((role) => user.roles.includes(role)))) {
            return { status: 403, body: { success: false, error: NOT_PERMITTED } };
        }
        const host = pinnedHost(this.host, typeof request.headers[INSTANCE_HEADER] === 'string' ? request.headers[INSTANCE_HEADER] : undefined);
        try {
            const params = Object.fromEntries(Object.entries(matchPath(route.path, pathname) ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
            return await route.handle({ params, request, user, host });
        } catch (error) {
            return { status: 400, body: { success: false, error: error instanceof Error ? error.message : String(error) } };
        }
    }

    /** The user whose login token the request carries (`X-User-Id` + `X-Auth-Token`), if any. */
    private caller(headers: http.IncomingHttpHeaders): IUser | undefined {
        const userId = String(headers['x-user-id'] ?? '');
        const token = String(headers['x-auth-token'] ?? '');
        return userId && token && this.host.store.loginTokens.get(userId)?.has(token) ? this.host.store.users.get(userId) : undefined;
    }
}
