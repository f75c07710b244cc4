import * as http from 'http';
import { HostStore } from './HostStore';
import { registerGuest } from './registerGuest';
import { sendJson } from './sendJson';

const VISITOR = /^\/api\/v1\/livechat\/visitor(?:\/([^/]+))?$/;

/**
 * The part of Rocket.Chat's public livechat (widget) REST API that authenticates a visitor by
 * its token alone, without login (app/livechat/imports/server/rest/visitor.ts, api/v1/visitor.ts):
 * `POST /api/v1/livechat/visitor` registers a guest through registerGuest and answers the
 * visitor (token included); `GET /api/v1/livechat/visitor/:token` answers the visitor with
 * that token (name, emails, phones, custom fields), else 400 `invalid-token`.
 */
export class LivechatWidgetApi {
    constructor(private readonly store: HostStore) {}

    public handles(pathname: string): boolean {
        return VISITOR.test(pathname);
    }

    public handle(method: string, pathname: string, body: unknown, res: http.ServerResponse): void {
        const token = VISITOR.exec(pathname)?.[1];
        try {
            if (method === 'GET' && token !== undefined) {
                const visitor = this.store.visitorByToken(decodeURIComponent(token));
                if (!visitor) {
                    throw new Error('[invalid-token]');
                }
                sendJson(res, 200, { visitor, success: true });
                return;
            }
            if (method === 'POST' && token === undefined) {
                const input = ((body as { visitor?: Record<string, unknown> })?.visitor ?? {}) as Record<string, string | undefined>;
                const visitor = registerGuest(this.store, {
                    token: input.token ?? '', name: input.name, email: input.email, department: input.department, username: input.username, phone: input.phone,
                });
                sendJson(res, 200, { visitor, success: true });
                return;
            }
            sendJson(res, 404, { success: false, error: 'not found' });
        } catch (error) {
            sendJson(res, 400, { success: false, error: error instanceof Error ? error.message : String(error) });
        }
    }
}
