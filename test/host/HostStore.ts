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
    /** Omnichannel custom fields defined by the admin: id → scope. */
    public readonly customFields = new Map<string, 'visitor' | 'room'>();

    public userByUsername(username: string): IUser | undefined {
        return [...this.users.values()].find((user) => user.username === username);
    }

    public visitorByToken(token: string): IVisitor | undefined {
        return [...this.visitors.values()].find((visitor) => visitor.token === token);
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

    public openRoomsOfVisitor(token: string): Array<ILivechatRoom> {
        return [...this.rooms.values()].filter((room) => room.isOpen && room.visitor.token === token);
    }
}
