import { IDepartment } from '@rocket.chat/apps-engine/definition/livechat/IDepartment';
import { ILivechatRoom, OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat/IVisitor';
import { IMessage, IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser, UserStatusConnection, UserType } from '@rocket.chat/apps-engine/definition/users';

import { engineProfile } from './engineProfile';
import { InstanceEvents } from './HostEvents';
import { HostStore } from './HostStore';
import { randomId } from './ids';
import { checkAttachmentLinks, checkMessageSize } from './messageRules';
import { MeteorError } from './MeteorError';
import { registerGuest, registrationOf } from './registerGuest';

export interface NewMessage {
    roomId: string;
    sender: IUser;
    text?: string;
    attachments?: Array<IMessageAttachment>;
    file?: { _id: string; name: string; type: string };
    visitor?: IVisitor;
    type?: IMessage['type'];
    blocks?: IMessage['blocks'];
    customFields?: Record<string, unknown>;
    /** The message's own id when the sender gave one (an app: see messageIdOf). */
    id?: string;
}

/** Rocket.Chat's Omnichannel behaviour, as far as an app can tell: routing, messages, closes, transfers. */
export class LivechatService {
    /** `events`: those of the instance this service runs on (messages, closes, transfers fire there). */
    constructor(private readonly store: HostStore, public readonly events: InstanceEvents) {}

    public createUser(data: Partial<IUser> & { username: string }): IUser {
        const now = new Date();
        const user: IUser = {
            id: data.id ?? randomId(),
            username: data.username,
            name: data.name ?? data.username,
            emails: data.emails ?? [],
            type: data.type ?? UserType.USER,
            isEnabled: data.isEnabled ?? true,
            roles: data.roles ?? ['user'],
            status: data.status ?? 'online',
            statusConnection: UserStatusConnection.ONLINE,
            utcOffset: 0,
            createdAt: now,
            updatedAt: now,
            lastLoginAt: now,
            appId: data.appId,
            settings: data.settings,
        };
        this.store.users.set(user.id, user);
        return user;
    }

    public createDepartment(name: string): IDepartment {
        const department = {
            id: randomId(),
            name,
            enabled: true,
            updatedAt: new Date(),
            numberOfAgents: 0,
            showOnOfflineForm: true,
            showOnRegistration: true,
            agentIds: [] as Array<string>,
        };
        this.store.departments.set(department.id, department);
        return this.publicDepartment(department.id)!;
    }

    public addAgent(username: string, departmentIds: Array<string>, available = true): IUser {
        const agent = this.store.userByUsername(username) ?? this.createUser({ username, roles: ['user', 'livechat-agent'] });
        for (const id of departmentIds) {
            const department = this.store.departments.get(id);
            if (department && !department.agentIds.includes(agent.id)) {
                department.agentIds.push(agent.id);
                department.numberOfAgents = department.agentIds.length;
            }
        }
        this.store.agentAvailable.set(agent.id, available);
        return agent;
    }

    public setAgentAvailable(agentId: string, available: boolean): void {
        this.store.agentAvailable.set(agentId, available);
    }

    public publicDepartment(id: string | undefined): IDepartment | undefined {
        const department = id ? this.store.departmentByIdOrName(id) : undefined;
        if (!department) {
            return undefined;
        }
        const { agentIds: _agentIds, ...rest } = department;
        return { ...rest };
    }

    /** Registers a visitor as an app does (createVisitor): Rocket.Chat's registerGuest, see registerGuest.ts. */
    public upsertVisitor(data: IVisitor): IVisitor {
        return registerGuest(this.store, registrationOf(data));
    }

    /** Defines an Omnichannel custom field as the admin does, optionally with a validation regexp. */
    public defineCustomField(id: string, scope: 'visitor' | 'room', regexp?: string): void {
        this.store.customFields.set(id, scope);
        if (regexp) {
            this.store.customFieldRegexps.set(id, regexp);
        } else {
            this.store.customFieldRegexps.delete(id);
        }
    }

    public isAgentAvailable(agentId: string): boolean {
        return this.store.agentAvailable.get(agentId) === true;
    }

    /** Picks an available agent of the department (or of any department), the one with fewest open rooms. */
    public routeAgent(departmentId: string | undefined): IUser | undefined {
        const candidates = departmentId
            ? this.store.departments.get(departmentId)?.agentIds ?? []
            : [...this.store.departments.values()].flatMap((department) => department.agentIds);
        const available = [...new Set(candidates)].filter((id) => this.isAgentAvailable(id));
        const load = (id: string) => [...this.store.rooms.values()].filter((room) => room.isOpen && room.servedBy?.id === id).length;
        available.sort((a, b) => load(a) - load(b));
        return available.length > 0 ? this.store.users.get(available[0]) : undefined;
    }

    /**
     * Rocket.Chat's createRoom for apps (app/apps/server/bridges/livechat.ts → getRoom →
     * QueueManager.requestRoom). A visitor may have several open rooms: nothing stops a second one.
     */
    public createRoom(visitor: IVisitor, agent: IUser | undefined, source: ILivechatRoom['source'], customFields?: Record<string, unknown>): ILivechatRoom {
        const stored = this.store.visitorByToken(visitor.token);
        if (!stored) {
            throw new Error('error-invalid-visitor');
        }
        const department = this.departmentForNewRoom(stored, agent);
        this.requireOnlineAgent(department, agent);
        const asked = agent ? this.store.users.get(agent.id) ?? agent : undefined;
        const servedBy = asked ? (this.isAgentAvailable(asked.id) ? asked : undefined) : this.routeAgent(department?.id);
        const creator = this.visitorAsUser(stored);
        const room: ILivechatRoom = {
            id: randomId(),
            type: RoomType.LIVE_CHAT,
            slugifiedName: stored.username,
            displayName: stored.name,
            creator,
            usernames: servedBy ? [servedBy.username] : [],
            visitor: stored,
            department,
            servedBy,
            closer: undefined as unknown as ILivechatRoom['closer'],
            isWaitingResponse: true,
            isOpen: true,
            createdAt: new Date(),
            updatedAt: new Date(),
            source: source ?? { type: OmnichannelSourceType.API },
            customFields: customFields ? { ...customFields } : undefined,
            livechatData: {},
        };
        this.store.saveRoom(room);
        this.store.roomMessages(room.id);
        this.events.roomStarted(room);
        return room;
    }

    /** The server setting "Accept new omnichannel requests when there are no online agents" (default off). */
    public acceptsChatsWithNoAgents(): boolean {
        return this.store.serverSettings.get('Livechat_accept_chats_with_no_agents') === true;
    }

    /**
     * A visitor without a department (and no agent asked for) gets the first enabled
     * department shown on registration that has an online agent, as Rocket.Chat's getRoom
     * does (app/livechat/server/lib/LivechatTyped.ts, getRequiredDepartment).
     */
    private departmentForNewRoom(visitor: IVisitor, agent: IUser | undefined): IDepartment | undefined {
        const own = this.publicDepartment(visitor.department);
        if (own || agent) {
            return own;
        }
        const first = [...this.store.departments.values()].find((department) =>
            department.enabled && department.showOnRegistration && department.agentIds.some((id) => this.isAgentAvailable(id)));
        return first ? this.publicDepartment(first.id) : undefined;
    }

    /**
     * QueueManager.requestRoom (app/livechat/server/lib/QueueManager.ts): unless
     * `Livechat_accept_chats_with_no_agents` is on, no room without an online agent (the
     * one asked for, else one of the department, else anyone); with it on the room is queued.
     */
    private requireOnlineAgent(department: IDepartment | undefined, agent: IUser | undefined): void {
        if (this.acceptsChatsWithNoAgents()) {
            return;
        }
        const online = agent ? this.isAgentAvailable(agent.id) : this.routeAgent(department?.id) !== undefined;
        if (!online) {
            throw new MeteorError('no-agent-online', 'Sorry, no online agents');
        }
    }

    public visitorAsUser(visitor: IVisitor): IUser {
        const now = new Date();
        return {
            id: visitor.id ?? visitor.token,
            username: visitor.username,
            name: visitor.name,
            emails: [],
            type: UserType.USER,
            isEnabled: true,
            roles: ['livechat-guest'],
            status: 'online',
            statusConnection: UserStatusConnection.ONLINE,
            utcOffset: 0,
            createdAt: now,
            updatedAt: now,
            lastLoginAt: now,
        };
    }

    /**
     * A message a Rocket.Chat user sends (an agent in the UI, an app's bot user): executeSendMessage
     * (app/lib/server/methods/sendMessage.ts) checks Message_MaxAllowedSize, then saves it.
     */
    public sendAsUser(input: NewMessage): IMessage {
        checkMessageSize(input.text, this.store.serverSettings.get('Message_MaxAllowedSize'));
        return this.postMessage(input);
    }

    /**
     * Saves a message as functions/sendMessage.ts does (attachment links validated, whoever
     * sends it) and fires IPostMessageSent. System messages (with a type: livechat-close,
     * transfers…) are saved without it: Rocket.Chat writes them with Message.saveSystemMessage
     * (server/services/messages/service.ts), which fires no IPostMessageSent.
     */
    public postMessage(input: NewMessage): IMessage {
        const room = this.store.rooms.get(input.roomId);
        if (!room) {
            throw new Error('error-invalid-room');
        }
        if (!room.isOpen && !input.type) {
            throw new Error('error-room-closed');
        }
        if (!input.type) {
            checkAttachmentLinks(input.attachments);
        }
        if (input.id !== undefined && this.store.messageIds.has(input.id)) {
            // functions/sendMessage.ts returns nothing for a message whose _id exists already (two
            // inserts at the same moment meet MongoDB's unique _id: one fails with E11000); the
            // apps bridges (bridges/livechat.ts createMessage, bridges/messages.ts create) then read
            // `_id` of nothing, which is what the app gets.
            throw new TypeError("Cannot read properties of undefined (reading '_id')");
        }
        const message: IMessage & { visitor?: IVisitor; token?: string } = {
            id: input.id ?? randomId(),
            room,
            sender: input.sender,
            text: input.text ?? '',
            createdAt: new Date(),
            attachments: input.attachments,
            file: input.file,
            // IMessage.files exists from Apps-Engine 1.62 on; older servers send only `file`.
            ...(input.file && engineProfile.messageFiles ? { files: [input.file] } : {}),
            type: input.type,
            blocks: input.blocks,
            customFields: input.customFields,
            groupable: false,
        };
        if (input.visitor) {
            message.visitor = input.visitor;
            message.token = input.visitor.token;
        }
        this.store.roomMessages(room.id).push(message);
        this.store.messageIds.add(message.id!);
        room.updatedAt = new Date();
        if (!input.type) {
            this.events.messageSent(message);
        }
        return message;
    }

    /**
     * A visitor's message created by an app (bridges/livechat.ts createMessage → LivechatTyped.sendMessage
     * → getRoom): a room that is not open (or does not exist) gets replaced by a **new** room for
     * the visitor, where the message goes; an open room whose stored visitor token is not the
     * given visitor's throws `cannot-access-room`. Returns the message.
     */
    public postVisitorMessageFromApp(input: NewMessage & { visitor: IVisitor }, source: ILivechatRoom['source']): IMessage {
        const existing = this.store.rooms.get(input.roomId);
        let roomId = input.roomId;
        if (!existing || !existing.isOpen) {
            const guest = this.store.visitors.get(input.visitor.id ?? '') ?? this.store.visitorByToken(input.visitor.token);
            if (!guest || guest.token !== input.visitor.token) {
                throw new Error('cannot-access-room');
            }
            roomId = this.createRoom(guest, undefined, source).id;
        } else if (this.store.roomVisitorToken(roomId) !== input.visitor.token) {
            throw new Error('cannot-access-room');
        }
        return this.postMessage({ ...input, roomId });
    }

    /**
     * Closes an open room: stores the close comment as a system message, then fires the close
     * event. `closedAt` (now unless a test dates the close earlier, as if it had happened then) is
     * the room's close time the event carries.
     */
    public closeRoom(roomId: string, comment: string, closer: IUser | undefined, closerKind: ILivechatRoom['closer'], closedAt = new Date()): boolean {
        const room = this.store.rooms.get(roomId);
        if (!room || !room.isOpen) {
            return false;
        }
        // LivechatRooms.closeRoomById unsets `open` (app/livechat/server/lib/closeRoom.ts): a closed room has no `isOpen`, not `false`.
        delete (room as Partial<ILivechatRoom>).isOpen;
        room.closedAt = closedAt;
        room.closer = closerKind;
        room.closedBy = closer;
        this.postMessage({ roomId, sender: closer ?? this.visitorAsUser(room.visitor), text: comment, type: 'livechat-close' });
        this.events.roomClosed(room);
        return true;
    }

    /**
     * Rocket.Chat's transfer (LivechatTyped.transfer → forwardRoomToDepartment /
     * forwardRoomToAgent in app/livechat/server/lib/Helper.ts): a department by id only,
     * never the one the room is in; a served room cannot go to a department with no online
     * agent unless `Livechat_accept_chats_with_no_agents` is on (then it waits in that
     * department's queue). Failures are thrown; a room that is not open answers false.
     */
    public transfer(roomId: string, target: { departmentId?: string; agentId?: string }, by: IUser | undefined): boolean {
        const room = this.store.rooms.get(roomId);
        if (!room || !room.isOpen) {
            return false;
        }
        const previousAgent = room.servedBy;
        const from = previousAgent ?? room.department;
        let to: IUser | IDepartment;
        if (target.departmentId) {
            const department = this.store.departments.get(target.departmentId) ? this.publicDepartment(target.departmentId) : undefined;
            if (!department) {
                throw new Error('error-invalid-department');
            }
            if (room.department?.id === department.id) {
                throw new Error('error-forwarding-chat-same-department');
            }
            const agent = this.routeAgent(department.id);
            if (!agent && previousAgent && !this.acceptsChatsWithNoAgents()) {
                throw new Error('error-no-agents-online-in-department');
            }
            to = department;
            room.department = department;
            room.servedBy = agent;
            room.visitor.department = department.id;
        } else if (target.agentId) {
            const agent = this.store.users.get(target.agentId);
            if (!agent || !this.isAgentAvailable(agent.id)) {
                throw new Error('error-user-is-offline');
            }
            if (previousAgent?.id === agent.id) {
                throw new Error('error-selected-agent-room-agent-are-same');
            }
            to = agent;
            room.servedBy = agent;
        } else {
            return false;
        }
        room.usernames = room.servedBy ? [room.servedBy.username] : [];
        this.postMessage({ roomId, sender: by ?? previousAgent ?? this.visitorAsUser(room.visitor), text: '', type: 'livechat_transfer_history' });
        this.events.roomTransferred(room, from, to);
        return true;
    }

    /** Who a room notification reaches: the users subscribed to the room (its serving agent), nobody while it is queued. */
    public subscribers(roomId: string): Array<IUser> {
        const room = this.store.rooms.get(roomId);
        return room?.servedBy ? [this.store.users.get(room.servedBy.id) ?? room.servedBy] : [];
    }
}
