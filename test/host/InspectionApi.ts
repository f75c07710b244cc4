import * as http from 'http';

import { FakePlatforms } from '../fakes/FakePlatforms';
import { appRoutes } from './api/appRoutes';
import { ChangeFeed } from './api/ChangeFeed';
import { channelRoutes } from './api/channelRoutes';
import { HostApiContext } from './api/HostApiContext';
import { HostApiError } from './api/HostApiError';
import { answer, HostAnswer, HostRoute } from './api/HostRoute';
import { logRoutes } from './api/logRoutes';
import { omnichannelRoutes } from './api/omnichannelRoutes';
import { HostBody } from './api/parseHostBody';
import { receiverRoutes } from './api/receiverRoutes';
import { roomRoutes } from './api/roomRoutes';
import { routeParams } from './api/routeParams';
import { settingRoutes } from './api/settingRoutes';
import { workspaceRoutes } from './api/workspaceRoutes';
import { LocalRocketChat } from './LocalRocketChat';
import { sendJson } from './sendJson';

/**
 * The local Rocket.Chat's own API (`/host/…`), for tests, people and the playground: look at
 * rooms, messages, settings and the app's logs; act as an agent (reply with text and files,
 * close, transfer) and as an admin (departments, agents, availability, app and server settings).
 * JSON in and out; every mistake of the caller (unknown room, user, department, setting or route,
 * a wrong field, a body that is not JSON) is a JSON 4xx naming it. `GET /host` lists the routes.
 */
export class InspectionApi {
    private readonly routes: Array<HostRoute>;
    private readonly changes: ChangeFeed;

    /** `fakes`: the fake platforms running in this process, if any (the `/host/receivers` routes show them). */
    constructor(host: LocalRocketChat, appId: () => string, fakes?: FakePlatforms) {
        const context = new HostApiContext(host, appId);
        this.changes = new ChangeFeed(host, appId, fakes);
        this.routes = [
            { method: 'GET', path: '/host', summary: 'this list of routes', handle: () => answer(200, { routes: this.routes.map(({ method, path, summary }) => ({ method, path, summary })) }) },
            {
                method: 'GET', path: '/host/events', summary: 'server-sent events: `change` with {"topics":[…]} naming what changed (rooms, omnichannel, settings, logs, receivers); the console\'s live updates',
                handle: () => ({ ...answer(200, null), stream: (res) => this.changes.open(res) }),
            },
            ...roomRoutes(context),
            ...channelRoutes(context),
            ...omnichannelRoutes(context),
            ...settingRoutes(context),
            ...workspaceRoutes(context),
            ...logRoutes(context),
            ...appRoutes(context),
            ...receiverRoutes(fakes),
        ];
    }

    /** Ends the open event streams (the server is closing). */
    public close(): void {
        this.changes.close();
    }

    public async handle(method: string, url: URL, body: HostBody, res: http.ServerResponse): Promise<void> {
        const result = await this.answer(method.toUpperCase(), url, body);
        if (result.stream) {
            result.stream(res);
            return;
        }
        sendJson(res, result.status, result.body, result.headers);
    }

    private async answer(method: string, url: URL, body: HostBody): Promise<HostAnswer> {
        let segments: Array<string>;
        try {
            segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
        } catch {
            return answer(400, { error: `the path ${url.pathname} is not valid percent-encoding` });
        }
        const found = this.routes.map((route) => ({ route, params: routeParams(route.path, segments) })).filter((candidate) => candidate.params !== undefined);
        const match = found.find((candidate) => candidate.route.method === method);
        if (!match) {
            return found.length > 0
                ? answer(405, { error: `${method} is not allowed on ${url.pathname}; use ${found.map((candidate) => candidate.route.method).join(' or ')}` })
                : answer(404, { error: `no route ${method} ${url.pathname} (GET /host lists the routes)` });
        }
        try {
            return await match.route.handle({ params: match.params ?? {}, query: url.searchParams, body });
        } catch (error) {
            if (error instanceof HostApiError) {
                return answer(error.status, { error: error.message });
            }
            throw error;
        }
    }
}
