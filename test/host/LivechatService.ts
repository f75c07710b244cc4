import { IDepartment } from '@rocket.chat/apps-engine/definition/livechat/IDepartment';
import { ILivechatRoom, OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat/IVisitor';
import { IMessage, IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import { RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser, UserStatusConnection, UserType } from '@rocket.chat/apps-engine/definition/users';
import { HostEvents } from './HostEvents';
import { HostStore } from './HostStore';
import { randomId } from './ids';
import { checkAttachmentLinks, checkMessageSize } from './messageRules';

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
}

/** Rocket.Chat's Omnichannel behaviour, as far as an app can tell: routing, messages, closes, transfers. */
export class LivechatService {
    constructor(private readonly store: HostStore, private readonly events: HostEvents) {}

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

    /** Registers a visitor or, as Rocket.Chat's registerGuest does, updates the one with the same token. */
    public upsertVisitor(data: IVisitor): IVisitor {
        const existing = this.store.visitorByToken(data.token);
        const id = existing?.id ?? randomId();
        const visitor: IVisitor & { id: string } = {
            ...existing,
            ...Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)),
            id,
            username: existing?.username ?? (data.username || `guest-${this.store.visitors.size + 1}`),
            name: data.name || existing?.name || data.username || existing?.username || `guest-${this.store.visitors.size + 1}`,
            updatedAt: new Date(),
        } as IVisitor & { id: string };
        this.store.saveVisitor(visitor);
        return visitor;
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

    public createRoom(visitor: IVisitor, agent: IUser | undefined, source: ILivechatRoom['source'], customFields?: Record<string, unknown>): ILivechatRoom {
        const stored = this.store.visitorByToken(visitor.token);
        if (!stored) {
            throw new Error('error-invalid-visitor');
        }
        if (this.store.openRoomsOfVisitor(stored.token).length > 0) {
            throw new Error('error-visitor-has-open-room');
        }
        const department = this.publicDepartment(stored.department);
        const servedBy = agent ? this.store.users.get(agent.id) ?? agent : this.routeAgent(department?.id);
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
        const message: IMessage & { visitor?: IVisitor; token?: string } = {
            id: randomId(),
            room,
            sender: input.sender,
            text: input.text ?? '',
            createdAt: new Date(),
            attachments: input.attachments,
            file: input.file,
            files: input.file ? [input.file] : undefined,
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
        room.updatedAt = new Date();
        if (!input.type) {
            this.events.messageSent(message);
        }
        return message;
    }

    /** Closes an open room: stores the close comment as a system message, then fires the close event. */
    public closeRoom(roomId: string, comment: string, closer: IUser | undefined, closerKind: ILivechatRoom['closer']): boolean {
        const room = this.store.rooms.get(roomId);
        if (!room || !room.isOpen) {
            return false;
        }
        room.isOpen = false;
        room.closedAt = new Date();
        room.closer = closerKind;
        room.closedBy = closer;
        this.postMessage({ roomId, sender: closer ?? this.visitorAsUser(room.visitor), text: comment, type: 'livechat-close' });
        this.events.roomClosed(room);
        return true;
    }

    public transfer(roomId: string, target: { departmentId?: string; agentId?: string }, by: IUser | undefined): boolean {
        const room = this.store.rooms.get(roomId);
        if (!room || !room.isOpen) {
            return false;
        }
        const previousAgent = room.servedBy;
        const from = previousAgent ?? room.department;
        let to: IUser | IDepartment | undefined;
        if (target.agentId) {
            to = this.store.users.get(target.agentId);
            room.servedBy = to as IUser | undefined;
        } else if (target.departmentId) {
            const department = this.publicDepartment(target.departmentId);
            if (!department) {
                return false;
            }
            to = department;
            room.department = department;
            room.servedBy = this.routeAgent(department.id);
            room.visitor.department = department.id;
        }
        if (!to) {
            return false;
        }
        room.usernames = room.servedBy ? [room.servedBy.username] : [];
        this.postMessage({ roomId, sender: by ?? previousAgent ?? this.visitorAsUser(room.visitor), text: '', type: 'livechat_transfer_history' });
        this.events.roomTransferred(room, from, to);
        return true;
    }
}
