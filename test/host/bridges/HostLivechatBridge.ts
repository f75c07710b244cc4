import { IExtraRoomParams } from '@rocket.chat/apps-engine/definition/accessors/ILivechatCreator';
import { IDepartment, ILivechatMessage, ILivechatRoom, ILivechatTransferData, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { LivechatBridge } from '@rocket.chat/apps-engine/server/bridges/LivechatBridge';

import { HostStore } from '../HostStore';
import { LivechatService } from '../LivechatService';
import { messageIdOf } from './messageIdOf';

export class HostLivechatBridge extends LivechatBridge {
    constructor(private readonly store: HostStore, private readonly livechat: LivechatService) {
        super();
    }

    /** Livechat.online (app/livechat/server/lib/LivechatTyped.ts): always true while Livechat_accept_chats_with_no_agents is on. */
    protected isOnline(departmentId?: string): boolean {
        return this.livechat.acceptsChatsWithNoAgents() || this.livechat.routeAgent(departmentId) !== undefined;
    }

    protected async isOnlineAsync(departmentId?: string): Promise<boolean> {
        return this.isOnline(departmentId);
    }

    protected async createMessage(message: ILivechatMessage, appId: string): Promise<string> {
        const content = { roomId: message.room.id, text: message.text, attachments: message.attachments, blocks: message.blocks, customFields: message.customFields, id: messageIdOf(message) };
        if (!message.visitor) {
            const sender = this.store.users.get(message.sender?.id) ?? message.sender;
            return this.livechat.postMessage({ ...content, sender }).id!;
        }
        const stored = this.store.visitors.get(message.visitor.id ?? '') ?? this.store.visitorByToken(message.visitor.token);
        const visitor = { ...(stored ?? message.visitor), token: message.visitor.token };
        const source = { type: OmnichannelSourceType.APP, id: appId, alias: 'app' };
        return this.livechat.postVisitorMessageFromApp({ ...content, sender: this.livechat.visitorAsUser(visitor), visitor }, source).id!;
    }

    protected async getMessageById(messageId: string): Promise<ILivechatMessage> {
        for (const list of this.store.messages.values()) {
            const found = list.find((message) => message.id === messageId);
            if (found) {
                return found;
            }
        }
        throw new Error(`message ${messageId} not found`);
    }

    protected async updateMessage(message: ILivechatMessage): Promise<void> {
        const list = this.store.roomMessages(message.room.id);
        const index = list.findIndex((stored) => stored.id === message.id);
        if (index >= 0) {
            list[index] = { ...list[index], text: message.text, attachments: message.attachments, editedAt: new Date() };
        }
    }

    protected async createVisitor(visitor: IVisitor): Promise<string> {
        return this.livechat.upsertVisitor(visitor).id!;
    }

    protected async createAndReturnVisitor(visitor: IVisitor): Promise<IVisitor | undefined> {
        return this.livechat.upsertVisitor(visitor);
    }

    protected async findVisitors(query: Record<string, unknown>): Promise<Array<IVisitor>> {
        return [...this.store.visitors.values()].filter((visitor) =>
            Object.entries(query).every(([key, value]) => (visitor as unknown as Record<string, unknown>)[key] === value));
    }

    protected async findVisitorById(id: string): Promise<IVisitor | undefined> {
        return this.store.visitors.get(id);
    }

    protected async findVisitorByEmail(email: string): Promise<IVisitor | undefined> {
        return [...this.store.visitors.values()].find((visitor) => visitor.visitorEmails?.some((entry) => entry.address === email));
    }

    protected async findVisitorByToken(token: string): Promise<IVisitor | undefined> {
        return this.store.visitorByToken(token);
    }

    protected async findVisitorByPhoneNumber(phoneNumber: string): Promise<IVisitor | undefined> {
        return [...this.store.visitors.values()].find((visitor) => visitor.phone?.some((entry) => entry.phoneNumber === phoneNumber));
    }

    protected async resolveVisitor(): Promise<IVisitor | undefined> {
        return undefined;
    }

    /** The department goes to Rocket.Chat as `departmentId` (app/apps/server/bridges/livechat.ts): an id, never a name. */
    protected async transferVisitor(_visitor: IVisitor, transferData: ILivechatTransferData, appId: string): Promise<boolean> {
        const appUser = [...this.store.users.values()].find((user) => user.appId === appId);
        return this.livechat.transfer(transferData.currentRoom.id, { departmentId: transferData.targetDepartment, agentId: transferData.targetAgent?.id }, appUser);
    }

    protected async updateVisitorExternalId(): Promise<IVisitor | undefined> {
        return undefined;
    }

    /**
     * bridges/livechat.ts createRoom: the server sets the room's source itself, `{ type: 'app',
     * id: <the calling app>, alias: <its name> }`, keeping only the app's label, icons and
     * destination (when the app's source is of type app; the alias is the app's name, its app user's), so no app can pass a room off as
     * another's, or as the widget's.
     */
    protected async createRoom(visitor: IVisitor, agent: IUser | undefined, appId: string, extraParams?: IExtraRoomParams): Promise<ILivechatRoom> {
        const asked = extraParams?.source?.type === OmnichannelSourceType.APP ? extraParams.source : undefined;
        const source = {
            type: OmnichannelSourceType.APP,
            id: appId,
            alias: [...this.store.users.values()].find((user) => user.appId === appId)?.name,
            ...(asked && { label: asked.label, sidebarIcon: asked.sidebarIcon, defaultIcon: asked.defaultIcon, destination: asked.destination }),
        };
        return this.livechat.createRoom(visitor, agent, source, extraParams?.customFields);
    }

    /**
     * bridges/livechat.ts closeRoom → closeRoom.ts: the closer the app names closes as a user
     * (`closedBy` = that user, the app's bot user when the app passes it); without one, the
     * room's visitor is the closer. A room that is not open throws `error-room-closed`.
     */
    protected async closeRoom(room: ILivechatRoom, comment: string, closer: IUser | undefined): Promise<boolean> {
        if (!this.store.rooms.get(room.id)?.isOpen) {
            throw new Error('error-room-closed');
        }
        if (closer) {
            return this.livechat.closeRoom(room.id, comment, this.store.users.get(closer.id) ?? closer, 'user');
        }
        const stored = this.store.rooms.get(room.id)!;
        return this.livechat.closeRoom(room.id, comment, this.livechat.visitorAsUser(stored.visitor), 'visitor');
    }

    protected async countOpenRoomsByAgentId(agentId: string): Promise<number> {
        return (await this.findOpenRoomsByAgentId(agentId)).length;
    }

    protected async findOpenRoomsByAgentId(agentId: string): Promise<Array<ILivechatRoom>> {
        return [...this.store.rooms.values()].filter((room) => room.isOpen && room.servedBy?.id === agentId);
    }

    protected async findRooms(visitor: IVisitor, departmentId: string | null): Promise<Array<ILivechatRoom>> {
        // LivechatRooms.findOpenByVisitorToken(AndDepartmentId): open rooms only, by the token stored with each room.
        return this.store.openRoomsOfVisitor(visitor.token).filter((room) => !departmentId || room.department?.id === departmentId);
    }

    protected async findDepartmentByIdOrName(value: string): Promise<IDepartment | undefined> {
        return this.livechat.publicDepartment(value);
    }

    protected async findDepartmentsEnabledWithAgents(): Promise<Array<IDepartment>> {
        return [...this.store.departments.values()].filter((department) => department.enabled && department.agentIds.length > 0).map((department) => this.livechat.publicDepartment(department.id)!);
    }

    protected async _fetchLivechatRoomMessages(_appId: string, roomId: string): Promise<Array<IMessage>> {
        return [...this.store.roomMessages(roomId)];
    }

    protected async setCustomFields(data: { token: IVisitor['token']; key: string; value: string; overwrite: boolean }): Promise<number> {
        // LivechatTyped.setCustomFields (custom-fields.ts in 7.x): unknown field → invalid-custom-field;
        // a value that fails the field's regexp → error-invalid-custom-field-value.
        const scope = this.store.customFields.get(data.key);
        if (!scope) {
            throw new Error('invalid-custom-field');
        }
        const regexp = this.store.customFieldRegexps.get(data.key);
        if (regexp && !new RegExp(regexp).test(data.value)) {
            throw new Error(`Invalid value for ${data.key} field`);
        }
        const visitor = this.store.visitorByToken(data.token);
        if (!visitor) {
            return 0;
        }
        if (scope === 'visitor') {
            const fields = (visitor.livechatData = visitor.livechatData ?? {});
            if (!data.overwrite && fields[data.key] !== undefined) {
                return 0;
            }
            fields[data.key] = data.value;
        }
        for (const room of this.store.openRoomsOfVisitor(data.token)) {
            if (scope === 'room' && (data.overwrite || room.livechatData?.[data.key] === undefined)) {
                room.livechatData = { ...room.livechatData, [data.key]: data.value };
            }
        }
        return 1;
    }
}
