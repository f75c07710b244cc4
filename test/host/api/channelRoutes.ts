import { ChatRooms } from '../ChatRooms';
import { ChatRoom } from '../HostStore';
import { HostApiContext } from './HostApiContext';
import { HostApiError } from './HostApiError';
import { bodyObject, optionalArray, optionalBoolean, optionalString, refusedAs400, requiredString } from './hostInput';
import { answer, HostRoute } from './HostRoute';
import { messageView } from './hostViews';

/** The user who creates channels through these routes: the server's own admin. */
const CREATOR = 'rocket.cat';

function channelView(context: HostApiContext, room: ChatRoom): object {
    return {
        id: room.id,
        name: room.slugifiedName,
        type: room.type,
        readOnly: room.isReadOnly === true,
        archived: room.archived,
        members: room.memberIds.map((id) => context.host.store.users.get(id)?.username ?? id),
    };
}

/** Channels and private groups (e.g. the room the app posts its alerts in) and what was posted there. */
export function channelRoutes(context: HostApiContext): Array<HostRoute> {
    const rooms = new ChatRooms(context.host.store);
    const byName = (name: string): ChatRoom => {
        const room = rooms.byName(name);
        if (!room) {
            throw HostApiError.notFound(`no channel or private group "${name}" (GET /host/channels lists them; POST /host/channels creates one)`);
        }
        return room;
    };
    return [
        {
            method: 'GET', path: '/host/channels', summary: 'channels and private groups: name, type (c or p), readOnly, archived, members',
            handle: () => answer(200, [...context.host.store.chatRooms.values()].map((room) => channelView(context, room))),
        },
        {
            method: 'POST', path: '/host/channels', summary: 'creates one as the admin: {"name":"alerts","type":"c"|"p","members":["agent"],"readOnly":false}; a name Rocket.Chat refuses or has → 400',
            handle: ({ body }) => {
                const input = bodyObject(body);
                const name = requiredString(input, 'name');
                const type = optionalString(input, 'type') ?? 'c';
                if (type !== 'c' && type !== 'p') {
                    throw HostApiError.badRequest('"type" must be "c" (a channel) or "p" (a private group)');
                }
                const members = (optionalArray(input, 'members') ?? []).map((member, index) => {
                    if (typeof member !== 'string') {
                        throw HostApiError.badRequest(`"members[${index}]" must be a username`);
                    }
                    context.user(member);
                    return member;
                });
                const readOnly = optionalBoolean(input, 'readOnly') ?? false;
                return answer(201, channelView(context, refusedAs400(() => rooms.create({ name, type, creator: CREATOR, members, readOnly }))));
            },
        },
        {
            method: 'GET', path: '/host/channels/:name/messages', summary: 'what was posted in the channel or group, oldest first',
            handle: ({ params }) => answer(200, context.host.store.roomMessages(byName(params.name).id).map(messageView)),
        },
    ];
}
