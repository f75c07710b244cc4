import { AgentFile } from '../LocalRocketChat';
import { HostApiContext } from './HostApiContext';
import { HostApiError } from './HostApiError';
import { bodyObject, HostInput, optionalArray, optionalString, queryChoice, refusedAs400 } from './hostInput';
import { answer, HostRoute } from './HostRoute';
import { messageView, roomView } from './hostViews';

/** `files` of an agent message: `[{name, type, text? | base64?}]` (the content defaults to the name's bytes). */
function agentFiles(input: HostInput): Array<AgentFile> {
    return (optionalArray(input, 'files') ?? []).map((value, index) => {
        const field = `files[${index}]`;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw HostApiError.badRequest(`"${field}" must be an object {name, type}`);
        }
        const file = value as HostInput;
        const name = optionalString(file, 'name');
        const type = optionalString(file, 'type');
        if (!name) {
            throw HostApiError.badRequest(`"${field}.name" is required`);
        }
        if (!type || !/^[\w.+-]+\/[\w.+-]+$/.test(type)) {
            throw HostApiError.badRequest(`"${field}.type" must be a MIME type such as application/pdf`);
        }
        const text = optionalString(file, 'text');
        const base64 = optionalString(file, 'base64');
        return { name, type, data: base64 !== undefined ? Buffer.from(base64, 'base64') : text !== undefined ? Buffer.from(text) : undefined };
    });
}

/** Rooms and what an agent does in them (Omnichannel UI actions). */
export function roomRoutes(context: HostApiContext): Array<HostRoute> {
    const { host } = context;
    return [
        {
            method: 'GET', path: '/host/rooms', summary: 'livechat rooms, oldest first; ?open=true|false, ?department=<name or id>',
            handle: ({ query }) => {
                const open = queryChoice(query, 'open', ['true', 'false'] as const);
                const department = query.get('department');
                const departmentId = department === null ? undefined : context.department(department).id;
                const rooms = [...host.store.rooms.values()]
                    .filter((room) => open === undefined || (room.isOpen === true) === (open === 'true'))
                    .filter((room) => departmentId === undefined || room.department?.id === departmentId);
                return answer(200, rooms.map(roomView));
            },
        },
        {
            method: 'GET', path: '/host/rooms/:room', summary: 'one room',
            handle: ({ params }) => answer(200, roomView(context.room(params.room))),
        },
        {
            method: 'GET', path: '/host/rooms/:room/messages', summary: 'the room\'s messages, oldest first (system messages included)',
            handle: ({ params }) => answer(200, host.store.roomMessages(context.room(params.room).id).map(messageView)),
        },
        {
            method: 'POST', path: '/host/rooms/:room/agent-message', summary: 'an agent writes: {"username":"agent","text":"…","files":[{"name":"a.pdf","type":"application/pdf"}],"caption":"…"}',
            handle: ({ params, body }) => {
                const input = bodyObject(body);
                const username = optionalString(input, 'username') ?? 'agent';
                const text = optionalString(input, 'text') ?? '';
                const caption = optionalString(input, 'caption');
                const files = agentFiles(input);
                if (text === '' && files.length === 0) {
                    throw HostApiError.badRequest('give "text", "files" or both');
                }
                context.user(username);
                const room = context.openRoom(params.room);
                return answer(201, { id: refusedAs400(() => host.agentMessage(room.id, username, text, files, caption)) });
            },
        },
        {
            method: 'POST', path: '/host/rooms/:room/close', summary: 'close as an agent {"username":"agent","comment":"…"} or as the visitor {"by":"visitor"}',
            handle: ({ params, body }) => {
                const input = bodyObject(body);
                const by = optionalString(input, 'by') ?? 'agent';
                if (by !== 'agent' && by !== 'visitor') {
                    throw HostApiError.badRequest('"by" must be "agent" or "visitor"');
                }
                const username = optionalString(input, 'username') ?? 'agent';
                const comment = optionalString(input, 'comment') ?? '';
                if (by === 'agent') {
                    context.user(username);
                }
                const room = context.room(params.room);
                if (!room.isOpen) {
                    // Rocket.Chat's livechat/room.closeByUser: error-room-already-closed.
                    throw HostApiError.badRequest(`room "${room.id}" is already closed`);
                }
                return answer(200, { closed: by === 'visitor' ? host.closeAsVisitor(room.id) : host.closeAsAgent(room.id, username, comment) });
            },
        },
        {
            method: 'POST', path: '/host/rooms/:room/transfer', summary: 'transfer as an agent: {"department":"<name or id>"} or {"agent":"<username>"}; Rocket.Chat\'s refusal → 400',
            handle: ({ params, body }) => {
                const input = bodyObject(body);
                const department = optionalString(input, 'department');
                const agent = optionalString(input, 'agent');
                if ((department === undefined) === (agent === undefined)) {
                    throw HostApiError.badRequest('give either "department" or "agent"');
                }
                const room = context.openRoom(params.room);
                return answer(200, { transferred: refusedAs400(() => host.transfer(room.id, { department, agent })) });
            },
        },
    ];
}
