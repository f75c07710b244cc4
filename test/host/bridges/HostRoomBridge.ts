import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { RoomBridge } from '@rocket.chat/apps-engine/server/bridges/RoomBridge';

import { chatRoomAsApp } from '../ChatRooms';
import { HostStore } from '../HostStore';

const unsupported = (what: string): Error => new Error(`${what} is not supported by the local host (it has livechat rooms, channels and private groups)`);

export class HostRoomBridge extends RoomBridge {
    constructor(private readonly store: HostStore) {
        super();
    }

    protected async create(): Promise<string> {
        throw unsupported('creating channels');
    }

    protected async getById(roomId: string): Promise<IRoom> {
        const chatRoom = this.store.chatRooms.get(roomId);
        return (chatRoom ? chatRoomAsApp(chatRoom) : this.store.rooms.get(roomId)) as IRoom;
    }

    /** Rooms.findOneByName: a channel or group by its name, else (as before) a livechat room by its slug. */
    protected async getByName(roomName: string): Promise<IRoom> {
        const chatRoom = [...this.store.chatRooms.values()].find((room) => room.slugifiedName === roomName);
        return (chatRoom ? chatRoomAsApp(chatRoom) : [...this.store.rooms.values()].find((room) => room.slugifiedName === roomName)) as IRoom;
    }

    protected async getCreatorById(roomId: string): Promise<IUser | undefined> {
        return (this.store.chatRooms.get(roomId) ?? this.store.rooms.get(roomId))?.creator;
    }

    protected async getCreatorByName(roomName: string): Promise<IUser | undefined> {
        return (await this.getByName(roomName))?.creator;
    }

    protected async getDirectByUsernames(): Promise<IRoom | undefined> {
        return undefined;
    }

    protected async getMembers(roomId: string): Promise<Array<IUser>> {
        const chatRoom = this.store.chatRooms.get(roomId);
        if (chatRoom) {
            return chatRoom.memberIds.map((id) => this.store.users.get(id)).filter((user): user is IUser => user !== undefined);
        }
        const room = this.store.rooms.get(roomId);
        return room?.servedBy ? [room.servedBy] : [];
    }

    protected async getAllRooms(): Promise<never[]> {
        throw unsupported('listing all rooms');
    }

    protected async update(room: IRoom): Promise<void> {
        const stored = this.store.rooms.get(room.id);
        if (stored) {
            stored.customFields = room.customFields;
            stored.updatedAt = new Date();
        }
    }

    protected async createDiscussion(): Promise<string> {
        throw unsupported('discussions');
    }

    protected async delete(roomId: string): Promise<void> {
        this.store.rooms.delete(roomId);
    }

    protected async getModerators(): Promise<Array<IUser>> {
        return [];
    }

    protected async getOwners(): Promise<Array<IUser>> {
        return [];
    }

    protected async getLeaders(): Promise<Array<IUser>> {
        return [];
    }

    protected async getMessages(roomId: string): Promise<never[]> {
        return this.store.roomMessages(roomId).map((message: IMessage) => ({ ...message })) as never[];
    }

    protected async removeUsers(roomId: string, usernames: Array<string>): Promise<void> {
        const room = this.store.rooms.get(roomId);
        if (room) {
            room.usernames = room.usernames.filter((username) => !usernames.includes(username));
            if (room.servedBy && usernames.includes(room.servedBy.username)) {
                room.servedBy = undefined;
            }
        }
    }

    protected async getUnreadByUser(): Promise<never[]> {
        return [];
    }

    protected async getUserUnreadMessageCount(): Promise<number> {
        return 0;
    }
}
