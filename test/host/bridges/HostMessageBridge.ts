import { IMessage, Reaction } from '@rocket.chat/apps-engine/definition/messages';
import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { ITypingDescriptor, MessageBridge } from '@rocket.chat/apps-engine/server/bridges/MessageBridge';

import { ChatRooms } from '../ChatRooms';
import { HostStore } from '../HostStore';
import { LivechatService } from '../LivechatService';
import { messageIdOf } from './messageIdOf';

export class HostMessageBridge extends MessageBridge {
    private readonly chatRooms: ChatRooms;

    constructor(private readonly store: HostStore, private readonly livechat: LivechatService) {
        super();
        this.chatRooms = new ChatRooms(store, livechat.events);
    }

    /**
     * Rocket.Chat's AppMessageBridge.create sends through MessageService.sendMessage, i.e.
     * executeSendMessage (size limit, canSendMessage), in a livechat room or a channel or group.
     */
    protected async create(message: IMessage): Promise<string> {
        const sender = this.store.users.get(message.sender?.id) ?? message.sender;
        const input = {
            roomId: message.room.id,
            sender,
            text: message.text,
            attachments: message.attachments,
            blocks: message.blocks,
            customFields: message.customFields,
            id: messageIdOf(message),
        };
        const created = this.store.chatRooms.has(input.roomId) ? this.chatRooms.send(input) : this.livechat.sendAsUser(input);
        return created.id!;
    }

    protected async update(message: IMessage): Promise<void> {
        const list = this.store.roomMessages(message.room.id);
        const index = list.findIndex((stored) => stored.id === message.id);
        if (index >= 0) {
            list[index] = { ...list[index], text: message.text, attachments: message.attachments, blocks: message.blocks, editedAt: new Date() };
        }
    }

    /**
     * Rocket.Chat sends it at once to that user and keeps no copy (app/apps/server/bridges/messages.ts
     * notifyUser); its converter refuses a message whose room does not exist. The host records it.
     */
    protected async notifyUser(user: IUser, message: IMessage): Promise<void> {
        if (!message.room?.id || !this.store.rooms.has(message.room.id)) {
            throw new Error('Invalid room provided on the message.');
        }
        this.store.notifications.push({ roomId: message.room.id, text: message.text ?? '', senderId: message.sender?.id, recipients: [user.username] });
    }

    /**
     * Rocket.Chat sends these at once to the users subscribed to the room and keeps no copy
     * (app/apps/server/bridges/messages.ts notifyRoom): a queued room has nobody to reach,
     * and a livechat visitor is never a subscriber. The host records whom each one reached.
     */
    protected async notifyRoom(room: IRoom, message: IMessage): Promise<void> {
        const recipients = this.livechat.subscribers(room.id).map((user) => user.username);
        this.store.notifications.push({ roomId: room.id, text: message.text ?? '', senderId: message.sender?.id, recipients });
    }

    protected async typing(_options: ITypingDescriptor): Promise<void> {
        // Typing indicators leave no trace.
    }

    /** AppMessagesConverter.convertById: nothing (not an error) for an id no message has. */
    protected async getById(messageId: string): Promise<IMessage> {
        for (const list of this.store.messages.values()) {
            const found = list.find((message) => message.id === messageId);
            if (found) {
                return found;
            }
        }
        return undefined as unknown as IMessage;
    }

    protected async delete(message: IMessage): Promise<void> {
        const list = this.store.roomMessages(message.room.id);
        const index = list.findIndex((stored) => stored.id === message.id);
        if (index >= 0) {
            list.splice(index, 1);
        }
    }

    protected async addReaction(_messageId: string, _userId: string, _reaction: Reaction): Promise<void> {
        throw new Error('reactions are not supported by the local host');
    }

    protected async removeReaction(_messageId: string, _userId: string, _reaction: Reaction): Promise<void> {
        throw new Error('reactions are not supported by the local host');
    }
}
