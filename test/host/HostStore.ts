import { IDepartment } from '@rocket.chat/apps-engine/definition/livechat/IDepartment';
import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat/IVisitor';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

export interface StoredDepartment extends IDepartment {
    agentIds: Array<string>;
}

export interface StoredUpload {
    id: string;
    name: string;
    type: string;
    size: number;
    roomId: string;
    userId: string;
    data: Buffer;
}

export interface PersistenceRecord {
    id: string;
    appId: string;
    associations: Array<RocketChatAssociationRecord>;
    data: object;
}

/** The in-memory database of the local Rocket.Chat. */
export class HostStore {
    public readonly users = new Map<string, IUser>();
    /** Livechat availability of agents (Rocket.Chat's statusLivechat). */
    public readonly agentAvailable = new Map<string, boolean>();
    public readonly departments = new Map<string, StoredDepartment>();
    public readonly visitors = new Map<string, IVisitor>();
    public readonly rooms = new Map<string, ILivechatRoom>();
    public readonly messages = new Map<string, Array<IMessage>>();
    public readonly uploads = new Map<string, StoredUpload>();
    public readonly persistence = new Map<string, PersistenceRecord>();
    public readonly serverSettings = new Map<string, unknown>();
    /** Ephemeral notifications apps sent to rooms' users (not part of the rooms' history). */
    public readonly notifications: Array<{ roomId: string; text: string; senderId: string }> = [];
    /** Users' login (or personal access) tokens: user id → tokens. */
    public readonly loginTokens = new Map<string, Set<string>>();
    /** Omnichannel custom fields defined by the admin: id → scope. */
    public readonly customFields = new Map<string, 'visitor' | 'room'>();

    /** Indexes, as Rocket.Chat's MongoDB collections have them (visitor token, rooms of a visitor). */
    public readonly visitorIdByToken = new Map<string, string>();
    public readonly roomIdsByVisitorToken = new Map<string, Set<string>>();

    public userByUsername(username: string): IUser | undefined {
        return [...this.users.values()].find((user) => user.username === username);
    }

    public visitorByToken(token: string): IVisitor | undefined {
        const id = this.visitorIdByToken.get(token);
        return id ? this.visitors.get(id) : undefined;
    }

    public saveVisitor(visitor: IVisitor & { id: string }): void {
        this.visitors.set(visitor.id, visitor);
        this.visitorIdByToken.set(visitor.token, visitor.id);
    }

    public saveRoom(room: ILivechatRoom): void {
        this.rooms.set(room.id, room);
        const ids = this.roomIdsByVisitorToken.get(room.visitor.token) ?? new Set<string>();
        ids.add(room.id);
        this.roomIdsByVisitorToken.set(room.visitor.token, ids);
    }

    public roomsOfVisitor(token: string): Array<ILivechatRoom> {
        return [...(this.roomIdsByVisitorToken.get(token) ?? [])].map((id) => this.rooms.get(id)!).filter(Boolean);
    }

    public departmentByIdOrName(value: string): StoredDepartment | undefined {
        return this.departments.get(value) ?? [...this.departments.values()].find((department) => department.name === value);
    }

    public roomMessages(roomId: string): Array<IMessage> {
        let list = this.messages.get(roomId);
        if (!list) {
            list = [];
            this.messages.set(roomId, list);
        }
        return list;
    }

    public openRoomsCount(): number {
        let count = 0;
        for (const room of this.rooms.values()) {
            count += room.isOpen ? 1 : 0;
        }
        return count;
    }

    public openRoomsOfVisitor(token: string): Array<ILivechatRoom> {
        return this.roomsOfVisitor(token).filter((room) => room.isOpen);
    }
}
