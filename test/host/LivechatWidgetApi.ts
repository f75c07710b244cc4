import { ILivechatRoom, OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat/IVisitor';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import * as http from 'http';

import { multipartFormData } from './api/multipartFormData';
import { parseHostBody } from './api/parseHostBody';
import { LocalRocketChat } from './LocalRocketChat';
import { registerGuest } from './registerGuest';
import { sendJson } from './sendJson';

const PREFIX = '/api/v1/livechat/';

/** A request that fails Rocket.Chat's parameter validation (ajv validateParams): 400, errorType invalid-params. */
class InvalidParams extends Error {}
/** API.v1.unauthorized(): 401 `{"success":false,"error":"unauthorized"}`. */
class Unauthorized extends Error {}
/** No such route: Rocket.Chat's API answers 404. */
class NoRoute extends Error {}

interface WidgetRequest {
    method: string;
    url: URL;
    raw: Buffer;
    headers: http.IncomingHttpHeaders;
}

function stringParam(source: Record<string, unknown>, name: string, required: boolean): string | undefined {
    const value = source[name];
    if (value === undefined || value === null) {
        if (required) {
            throw new InvalidParams(`must have required property '${name}'`);
        }
        return undefined;
    }
    if (typeof value !== 'string') {
        throw new InvalidParams(`must be string: '${name}'`);
    }
    return value;
}

/** A message as the widget API answers it (Rocket.Chat's IMessage field names). */
function widgetMessage(message: IMessage): object {
    return {
        _id: message.id,
        rid: message.room.id,
        msg: message.text ?? '',
        token: (message as { token?: string }).token,
        ts: message.createdAt,
        u: { _id: message.sender.id, username: message.sender.username, name: message.sender.name },
        ...(message.attachments ? { attachments: message.attachments } : {}),
        ...(message.file ? { file: message.file } : {}),
        ...(message.type ? { t: message.type } : {}),
    };
}

/** A livechat room as the widget API answers it. */
function widgetRoom(room: ILivechatRoom): object {
    return {
        _id: room.id,
        t: 'l',
        open: room.isOpen === true,
        v: { _id: room.visitor.id, token: room.visitor.token, username: room.visitor.username },
        departmentId: room.department?.id,
        servedBy: room.servedBy ? { _id: room.servedBy.id, username: room.servedBy.username } : undefined,
        ts: room.createdAt,
    };
}

/**
 * Rocket.Chat's public livechat (widget) REST API, which authenticates a visitor by its token
 * alone, without login. Each route follows the server's handler:
 * - `POST visitor` registers a guest (app/livechat/imports/server/rest/visitor.ts → registerGuest);
 *   `GET visitor/:token` answers the visitor, else 400 `invalid-token`;
 * - `GET room?token=&rid=` (app/livechat/server/api/v1/room.ts): without `rid`, the visitor's open
 *   room, else a new room (routed as Rocket.Chat routes it, `no-agent-online` when nobody is);
 *   with `rid`, that open room of the visitor, else `invalid-room`;
 * - `POST room.close` `{rid, token}` (room.ts): closes as the visitor with the comment "Closed by
 *   visitor"; `room-closed` when it is not open;
 * - `POST message` `{token, rid, msg}` (api/v1/message.ts): a visitor message into its open room
 *   (`invalid-token`, `invalid-room`, `room-closed`);
 * - `GET messages.history/:rid?token=` (message.ts): the room's messages, newest first;
 * - `POST upload/:rid` (app/livechat/imports/server/rest/upload.ts): header `x-visitor-token`,
 *   multipart field `file` (and `description`, the caption); a missing token, unknown visitor or
 *   a room that is not the visitor's open room → 401 `unauthorized`.
 * Refusals are answered as Rocket.Chat's API does: 400 `{"success":false,"error":…}`.
 */
export class LivechatWidgetApi {
    constructor(private readonly host: LocalRocketChat) {}

    public handles(pathname: string): boolean {
        return pathname.startsWith(PREFIX);
    }

    public handle(request: WidgetRequest, res: http.ServerResponse): void {
        try {
            const answer = this.route(request);
            sendJson(res, 200, { ...answer.body, success: true });
        } catch (error) {
            if (error instanceof NoRoute) {
                sendJson(res, 404, { success: false, error: error.message });
            } else if (error instanceof Unauthorized) {
                sendJson(res, 401, { success: false, error: 'unauthorized' });
            } else if (error instanceof InvalidParams) {
                sendJson(res, 400, { success: false, error: `${error.message} [invalid-params]`, errorType: 'invalid-params' });
            } else {
                sendJson(res, 400, { success: false, error: error instanceof Error ? error.message : String(error) });
            }
        }
    }

    private route(request: WidgetRequest): { body: object } {
        const path = request.url.pathname.slice(PREFIX.length);
        const [name, ...rest] = path.split('/');
        const param = rest.length === 1 ? decodeURIComponent(rest[0]) : undefined;
        const route = `${request.method.toUpperCase()} ${name}${param === undefined ? '' : '/:param'}`;
        switch (route) {
            case 'POST visitor':
                return this.registerVisitor(this.jsonBody(request));
            case 'GET visitor/:param':
                // api/v1/visitor.ts throws Meteor.Error('invalid-token'), whose message is "[invalid-token]".
                return { body: { visitor: this.visitor(param!, '[invalid-token]') } };
            case 'GET room':
                return this.room(Object.fromEntries(request.url.searchParams));
            case 'POST room.close':
                return this.close(this.jsonBody(request));
            case 'POST message':
                return this.message(this.jsonBody(request));
            case 'GET messages.history/:param':
                return this.history(param!, Object.fromEntries(request.url.searchParams));
            case 'POST upload/:param':
                return this.upload(param!, request);
            default:
                throw new NoRoute(`API endpoint "${request.url.pathname}" does not exist for ${request.method}`);
        }
    }

    private jsonBody(request: WidgetRequest): Record<string, unknown> {
        const body = parseHostBody(request.raw.toString('utf8'), String(request.headers['content-type'] ?? ''));
        if (!body.ok) {
            throw new InvalidParams(body.error);
        }
        if (body.value === null || typeof body.value !== 'object' || Array.isArray(body.value)) {
            throw new InvalidParams('must be object');
        }
        return body.value as Record<string, unknown>;
    }

    private visitor(token: string, error = 'invalid-token'): IVisitor {
        const visitor = this.host.store.visitorByToken(token);
        if (!visitor) {
            throw new Error(error);
        }
        return visitor;
    }

    /** `findRoom(token, rid)`: the room with that id whose visitor has the token. */
    private visitorRoom(token: string, rid: string): ILivechatRoom {
        const room = this.host.store.rooms.get(rid);
        if (!room || this.host.store.roomVisitorToken(rid) !== token) {
            throw new Error('invalid-room');
        }
        return room;
    }

    private registerVisitor(input: Record<string, unknown>): { body: object } {
        const visitor = input.visitor;
        if (visitor === null || typeof visitor !== 'object' || Array.isArray(visitor)) {
            throw new InvalidParams("must have required property 'visitor'");
        }
        const fields = visitor as Record<string, unknown>;
        const text = (name: string, required = false) => stringParam(fields, name, required);
        return {
            body: {
                visitor: registerGuest(this.host.store, {
                    token: text('token', true)!, name: text('name'), email: text('email'), department: text('department'), username: text('username'), phone: text('phone'),
                }),
            },
        };
    }

    private room(query: Record<string, unknown>): { body: object } {
        const token = stringParam(query, 'token', true)!;
        const rid = stringParam(query, 'rid', false);
        const visitor = this.visitor(token);
        if (rid === undefined) {
            const open = this.host.store.openRoomsOfVisitor(token)[0];
            if (open) {
                return { body: { room: widgetRoom(open), newRoom: false } };
            }
            const room = this.host.livechat.createRoom(visitor, undefined, { type: OmnichannelSourceType.API });
            return { body: { room: widgetRoom(room), newRoom: true } };
        }
        const room = this.visitorRoom(token, rid);
        if (!room.isOpen) {
            throw new Error('invalid-room');
        }
        return { body: { room: widgetRoom(room), newRoom: false } };
    }

    private close(input: Record<string, unknown>): { body: object } {
        const rid = stringParam(input, 'rid', true)!;
        const token = stringParam(input, 'token', true)!;
        const visitor = this.visitor(token);
        const room = this.visitorRoom(token, rid);
        if (!room.isOpen) {
            throw new Error('room-closed');
        }
        // The comment is the server language's "Closed_by_visitor".
        const comment = 'Closed by visitor';
        this.host.livechat.closeRoom(rid, comment, this.host.livechat.visitorAsUser(visitor), 'visitor');
        return { body: { rid, comment } };
    }

    private message(input: Record<string, unknown>): { body: object } {
        const token = stringParam(input, 'token', true)!;
        const rid = stringParam(input, 'rid', true)!;
        const msg = stringParam(input, 'msg', true)!;
        const visitor = this.visitor(token);
        const room = this.visitorRoom(token, rid);
        if (!room.isOpen) {
            throw new Error('room-closed');
        }
        const message = this.host.livechat.postMessage({ roomId: rid, sender: this.host.livechat.visitorAsUser(visitor), visitor, text: msg });
        return { body: { message: widgetMessage(message) } };
    }

    private history(rid: string, query: Record<string, unknown>): { body: object } {
        const token = stringParam(query, 'token', false);
        if (!token) {
            throw new Error('error-token-param-not-provided');
        }
        this.visitor(token);
        const room = this.visitorRoom(token, rid);
        const messages = [...this.host.store.roomMessages(room.id)].reverse().slice(0, 20);
        return { body: { messages: messages.map(widgetMessage) } };
    }

    private upload(rid: string, request: WidgetRequest): { body: object } {
        const token = String(request.headers['x-visitor-token'] ?? '');
        const room = this.host.store.rooms.get(rid);
        if (!token || !this.host.store.visitorByToken(token) || !room || !room.isOpen || this.host.store.roomVisitorToken(rid) !== token) {
            throw new Unauthorized();
        }
        const form = multipartFormData(request.raw, String(request.headers['content-type'] ?? ''));
        const file = form.files.find((candidate) => candidate.field === 'file');
        if (!file) {
            throw new Error('[No file uploaded]');
        }
        const id = this.host.visitorUpload(rid, { name: file.filename, type: file.mimetype, data: file.data }, form.fields.description);
        const message = this.host.store.roomMessages(rid).find((candidate) => candidate.id === id)!;
        return { body: widgetMessage(message) };
    }
}
