import { IAppAccessors, IConfigurationExtend, IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiEndpoint, ApiSecurity, ApiVisibility, IApiEndpointInfo, IApiRequest, IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage, IPostMessageSent } from '@rocket.chat/apps-engine/definition/messages';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

/*
 * UNSAFE BY DESIGN. The benchmark's limit: the least any app can do to post a contact's message.
 * Each ticket's room and visitor live in this Deno process's memory only, so another instance of
 * a cluster, or this one after a restart, does not know them; a room closed in Rocket.Chat is not
 * noticed. It exists to be measured against, never to be used.
 */

/** Ticket id → its room and visitor, in memory only (UNSAFE BY DESIGN). */
const tickets = new Map<string, { room: ILivechatRoom; visitor: IVisitor }>();

interface TicketBody {
    ticketID?: string;
    text?: string;
}

/** Opens a ticket's room (setup for the measurement, not measured). */
class RoomEndpoint extends ApiEndpoint {
    public path = 'room';

    public async post(request: IApiRequest, _endpoint: IApiEndpointInfo, _read: IRead, modify: IModify): Promise<IApiResponse> {
        const ticketID = String((request.content as TicketBody).ticketID);
        const livechat = modify.getCreator().getLivechatCreator();
        const visitor = await livechat.createAndReturnVisitor({ token: `limit-${ticketID}`, username: '', name: ticketID });
        if (!visitor) {
            return this.json({ status: 500, content: { error: 'no visitor' } });
        }
        const room = await livechat.createRoom(visitor, undefined as unknown as IUser);
        tickets.set(ticketID, { room, visitor });
        return this.json({ status: 201, content: { id: room.id } });
    }
}

/** The contact's message: one write, the room and visitor taken from memory (UNSAFE BY DESIGN). */
class VisitorMessageEndpoint extends ApiEndpoint {
    public path = 'visitor-message';

    public async post(request: IApiRequest, _endpoint: IApiEndpointInfo, _read: IRead, modify: IModify): Promise<IApiResponse> {
        const body = request.content as TicketBody;
        const ticket = tickets.get(String(body.ticketID));
        if (!ticket) {
            return this.json({ status: 404, content: { error: 'unknown ticket' } });
        }
        const id = await modify.getCreator().finish(modify.getCreator().startLivechatMessage().setRoom(ticket.room).setVisitor(ticket.visitor).setText(String(body.text)));
        return this.json({ status: 201, content: { id } });
    }
}

/** The benchmark's limit (UNSAFE BY DESIGN): what an app that posts contact messages cannot do with less. */
export class LimitApp extends App implements IPostMessageSent {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    public async executePostMessageSent(_message: IMessage, _read: IRead, _http: IHttp, _persistence: IPersistence, _modify: IModify): Promise<void> {
        return;
    }

    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await configuration.api.provideApi({ visibility: ApiVisibility.PUBLIC, security: ApiSecurity.UNSECURE, endpoints: [new RoomEndpoint(this), new VisitorMessageEndpoint(this)] });
    }
}
