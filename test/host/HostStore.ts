import { IDepartment } from '@rocket.chat/apps-engine/definition/livechat/IDepartment';
import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat/IVisitor';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { HostJobStore } from './scheduler/HostJobStore';
import { UserPasswords } from './UserPasswords';

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

export type WorkspaceLicense = 'licensed' | 'community';

/** A channel (`c`) or private group (`p`), with what Rocket.Chat checks before a post: members, archived, read-only, muted. */
export interface ChatRoom extends IRoom {
    memberIds: Array<string>;
    archived: boolean;
    /** Usernames that may not post (Rocket.Chat's `muted`). */
    muted: Array<string>;
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
    /** Channels and private groups (see ChatRooms), apart from the livechat rooms. */
    public readonly chatRooms = new Map<string, ChatRoom>();
    public readonly messages = new Map<string, Array<IMessage>>();
    /** Every message id (the messages collection's unique _id). */
    public readonly messageIds = new Set<string>();
    public readonly uploads = new Map<string, StoredUpload>();
    public readonly persistence = new Map<string, PersistenceRecord>();
    /** App persistence's index on associations (`model:id` → record ids), as the collection's MongoDB index. */
    public readonly persistenceIndex = new Map<string, Set<string>>();
    public readonly serverSettings = new Map<string, unknown>();
    /**
     * Faults a test puts in app persistence's way: each write (insert or update by associations)
     * is shown to every fault first, and the first error one returns is thrown, as MongoDB would
     * fail a write (a lost primary, a full disk). Nothing is written then.
     */
    public readonly persistenceWriteFaults: Array<(associations: ReadonlyArray<RocketChatAssociationRecord>) => Error | undefined> = [];
    /** The app scheduler's jobs (Rocket.Chat's `rocketchat_apps_scheduler` collection). */
    public readonly schedulerJobs = new HostJobStore();
    /** Ephemeral notifications apps sent to rooms' users (not part of the rooms' history), with the usernames they reached. */
    public readonly notifications: Array<{ roomId: string; text: string; senderId: string; recipients: Array<string> }> = [];
    /** Users' login (or personal access) tokens: user id → tokens. */
    public readonly loginTokens = new Map<string, Set<string>>();
    /** Users' passwords (hashed), for `POST /api/v1/login`. */
    public readonly passwords = new UserPasswords();
    /**
     * The workspace's license, as far as apps care: `licensed` (a license without a private-app
     * limit) or `community` (no license: since Rocket.Chat 7.0 no private app may be enabled and
     * none updated by upload). Rocket.Chat keeps the license among its settings.
     */
    public license: WorkspaceLicense = 'licensed';
    /** Omnichannel custom fields defined by the admin: id → scope. */
    public readonly customFields = new Map<string, 'visitor' | 'room'>();
    /** The validation regexp of a custom field, when the admin gave one (id → regexp source). */
    public readonly customFieldRegexps = new Map<string, string>();

    /** Indexes, as Rocket.Chat's MongoDB collections have them (visitor token, phone and email, rooms of a visitor). */
    public readonly visitorIdByToken = new Map<string, string>();
    public readonly roomIdsByVisitorToken = new Map<string, Set<string>>();
    private readonly visitorIdsByPhone = new Map<string, Set<string>>();
    private readonly visitorIdsByEmail = new Map<string, Set<string>>();
    private readonly indexedVisitor = new Map<string, { token: string; phones: Array<string>; emails: Array<string> }>();
    /** The visitor token stored with each room when it was created (Rocket.Chat's `room.v.token`, which never follows a re-keyed visitor). */
    private readonly roomVisitorTokens = new Map<string, string>();

    public userByUsername(username: string): IUser | undefined {
        return [...this.users.values()].find((user) => user.username === username);
    }

    public visitorByToken(token: string): IVisitor | undefined {
        const id = this.visitorIdByToken.get(token);
        return id ? this.visitors.get(id) : undefined;
    }

    /** Rocket.Chat's findOneVisitorByPhone: exact match on `phone.phoneNumber`. */
    public visitorByPhone(phoneNumber: string): IVisitor | undefined {
        return this.firstIndexed(this.visitorIdsByPhone, phoneNumber);
    }

    /** Rocket.Chat's findOneGuestByEmailAddress: `visitorEmails.address` equal to the lower-cased address. */
    public visitorByEmail(address: string): IVisitor | undefined {
        return this.firstIndexed(this.visitorIdsByEmail, address.toLowerCase());
    }

    /** Stores a new or changed visitor (changes are made on the stored object itself, so every room sees the current record). */
    public saveVisitor(visitor: IVisitor & { id: string }): void {
        const before = this.indexedVisitor.get(visitor.id);
        if (before) {
            if (this.visitorIdByToken.get(before.token) === visitor.id) {
                this.visitorIdByToken.delete(before.token);
            }
            before.phones.forEach((phone) => this.visitorIdsByPhone.get(phone)?.delete(visitor.id));
            before.emails.forEach((email) => this.visitorIdsByEmail.get(email)?.delete(visitor.id));
        }
        const indexed = {
            token: visitor.token,
            phones: (visitor.phone ?? []).map((entry) => entry.phoneNumber),
            emails: (visitor.visitorEmails ?? []).map((entry) => entry.address),
        };
        this.visitors.set(visitor.id, visitor);
        this.visitorIdByToken.set(visitor.token, visitor.id);
        indexed.phones.forEach((phone) => addTo(this.visitorIdsByPhone, phone, visitor.id));
        indexed.emails.forEach((email) => addTo(this.visitorIdsByEmail, email, visitor.id));
        this.indexedVisitor.set(visitor.id, indexed);
    }

    public saveRoom(room: ILivechatRoom): void {
        this.rooms.set(room.id, room);
        this.roomVisitorTokens.set(room.id, room.visitor.token);
        addTo(this.roomIdsByVisitorToken, room.visitor.token, room.id);
    }

    /** The token the room was created for (`room.v.token`). */
    public roomVisitorToken(roomId: string): string | undefined {
        return this.roomVisitorTokens.get(roomId);
    }

    public roomsOfVisitor(token: string): Array<ILivechatRoom> {
        return [...(this.roomIdsByVisitorToken.get(token) ?? [])].map((id) => this.rooms.get(id)!).filter(Boolean);
    }

    public departmentByIdOrName(value: string): StoredDepartment | undefined {
        return this.departments.get(value) ?? [...this.departments.values()].find((department) => department.name === value);
    }

    /** Stores an app persistence record and indexes its associations. */
    public putPersistence(record: PersistenceRecord): void {
        this.persistence.set(record.id, record);
        for (const association of record.associations) {
            const key = persistenceIndexKey(association);
            const ids = this.persistenceIndex.get(key) ?? new Set<string>();
            ids.add(record.id);
            this.persistenceIndex.set(key, ids);
        }
    }

    public removePersistence(record: PersistenceRecord): void {
        this.persistence.delete(record.id);
        for (const association of record.associations) {
            this.persistenceIndex.get(persistenceIndexKey(association))?.delete(record.id);
        }
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

    private firstIndexed(index: Map<string, Set<string>>, value: string): IVisitor | undefined {
        const [id] = index.get(value) ?? [];
        return id ? this.visitors.get(id) : undefined;
    }
}

/** The index key of an association (they arrive from the Deno runtime as plain `{model, id}` objects). */
export function persistenceIndexKey(association: RocketChatAssociationRecord): string {
    const { model, id } = association as unknown as { model: string; id: string };
    return `${model}:${id}`;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
    const ids = index.get(key) ?? new Set<string>();
    ids.add(id);
    index.set(key, ids);
}
