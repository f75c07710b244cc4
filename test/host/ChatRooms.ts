import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser, UserType } from '@rocket.chat/apps-engine/definition/users';

import { InstanceEvents } from './HostEvents';
import { ChatRoom, HostStore } from './HostStore';
import { randomId } from './ids';
import { NewMessage } from './LivechatService';
import { checkAttachmentLinks, checkMessageSize } from './messageRules';
import { MeteorError } from './MeteorError';

export interface NewChatRoom {
    name: string;
    /** `c` a channel (anyone may open it), `p` a private group (members only). */
    type: 'c' | 'p';
    /** The user creating it (its owner and first member). */
    creator: string;
    members?: Array<string>;
    readOnly?: boolean;
    archived?: boolean;
}

/** The default of Rocket.Chat's `UTF8_Channel_Names_Validation` (matched whole). */
const ROOM_NAME = /^[0-9a-zA-Z-_.]+$/;

/** The room as an app reads it (the room bridge's conversion): no host bookkeeping. */
export function chatRoomAsApp(room: ChatRoom): IRoom {
    const { memberIds: _memberIds, archived: _archived, muted: _muted, ...seen } = room;
    return { ...seen, usernames: [...room.usernames] };
}

/**
 * Rocket.Chat's channels and private groups, as far as the app can tell: created by name
 * (createRoom: the name must pass UTF8_Channel_Names_Validation and be free), and a user's or
 * an app's post checked as canSendMessage (app/authorization/server/functions/canSendMessage.ts)
 * checks it, then as executeSendMessage does (Message_MaxAllowedSize) and sendMessage (attachment
 * links). An app's user skips only the room access check: it may post in any channel or private
 * group without being a member, never in an archived or read-only room, nor while muted.
 */
export class ChatRooms {
    constructor(private readonly store: HostStore, private readonly events?: InstanceEvents) {}

    public create(spec: NewChatRoom): ChatRoom {
        if (!ROOM_NAME.test(spec.name)) {
            throw new MeteorError('error-invalid-room-name', `${spec.name} is not a valid room name`);
        }
        const taken = this.byName(spec.name);
        if (taken) {
            throw taken.archived
                ? new MeteorError('error-archived-duplicate-name', `There's an archived channel with name ${spec.name}`)
                : new MeteorError('error-duplicate-channel-name', `A channel with name '${spec.name}' exists`);
        }
        const creator = this.user(spec.creator);
        const members = [creator, ...(spec.members ?? []).map((username) => this.user(username))];
        const now = new Date();
        const room: ChatRoom = {
            id: randomId(),
            slugifiedName: spec.name,
            displayName: spec.name,
            type: spec.type === 'c' ? RoomType.CHANNEL : RoomType.PRIVATE_GROUP,
            creator,
            usernames: [...new Set(members.map((member) => member.username))],
            isReadOnly: spec.readOnly === true,
            isDefault: false,
            createdAt: now,
            updatedAt: now,
            memberIds: [...new Set(members.map((member) => member.id))],
            archived: spec.archived === true,
            muted: [],
        };
        this.store.chatRooms.set(room.id, room);
        this.store.roomMessages(room.id);
        return room;
    }

    /** Rooms.findOneByName: the room with exactly that name. */
    public byName(name: string): ChatRoom | undefined {
        return [...this.store.chatRooms.values()].find((room) => room.slugifiedName === name);
    }

    /** A post by a user or an app's user: refused as Rocket.Chat refuses it (thrown), else stored and IPostMessageSent fired. */
    public send(input: NewMessage): IMessage {
        const room = this.store.chatRooms.get(input.roomId);
        if (!room) {
            throw new Error('error-invalid-room');
        }
        checkMessageSize(input.text, this.store.serverSettings.get('Message_MaxAllowedSize'));
        this.checkCanSend(room, input.sender);
        checkAttachmentLinks(input.attachments);
        if (input.id !== undefined && this.store.messageIds.has(input.id)) {
            throw new TypeError("Cannot read properties of undefined (reading '_id')");
        }
        const message: IMessage = {
            id: input.id ?? randomId(),
            room: chatRoomAsApp(room),
            sender: input.sender,
            text: input.text ?? '',
            createdAt: new Date(),
            attachments: input.attachments,
            blocks: input.blocks,
            customFields: input.customFields,
            groupable: false,
        };
        this.store.roomMessages(room.id).push(message);
        this.store.messageIds.add(message.id!);
        room.updatedAt = new Date();
        this.events?.messageSent(message);
        return message;
    }

    /** validateRoomMessagePermissionsAsync, in its order. */
    private checkCanSend(room: ChatRoom, sender: IUser): void {
        if (room.archived) {
            throw new Error('room_is_archived');
        }
        if (sender.type !== UserType.APP && room.type === RoomType.PRIVATE_GROUP && !room.memberIds.includes(sender.id)) {
            throw new Error('error-not-allowed');
        }
        // post-readonly: admins, and the room's owner (its creator here); an app's user has neither.
        if (room.isReadOnly && !sender.roles.includes('admin') && room.creator.id !== sender.id) {
            throw new Error('You can\'t send messages because the room is readonly.');
        }
        if (room.muted.includes(sender.username)) {
            throw new Error('You_have_been_muted');
        }
    }

    private user(username: string): IUser {
        const user = this.store.userByUsername(username);
        if (!user) {
            throw new MeteorError('error-invalid-user', `no user ${username}`);
        }
        return user;
    }
}
