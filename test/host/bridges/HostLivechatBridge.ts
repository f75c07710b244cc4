import { IExtraRoomParams } from '@rocket.chat/apps-engine/definition/accessors/ILivechatCreator';
import { IDepartment, ILivechatMessage, ILivechatRoom, ILivechatTransferData, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { LivechatBridge } from '@rocket.chat/apps-engine/server/bridges/LivechatBridge';
import { HostStore } from '../HostStore';
import { LivechatService } from '../LivechatService';

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

    protected async createMessage(message: ILivechatMessage): Promise<string> {
        const visitor = message.visitor ? this.store.visitorByToken(message.visitor.token) : undefined;
        const sender = visitor ? this.livechat.visitorAsUser(visitor) : this.store.users.get(message.sender?.id) ?? message.sender;
        const created = this.livechat.postMessage({
            roomId: message.room.id,
            sender,
            visitor,
            text: message.text,
            attachments: message.attachments,
            blocks: message.blocks,
            customFields: message.customFields,
        });
        return created.id!;
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

    protected async createRoom(visitor: IVisitor, agent: IUser | undefined, _appId: string, extraParams?: IExtraRoomParams): Promise<ILivechatRoom> {
        return this.livechat.createRoom(visitor, agent, extraParams?.source, extraParams?.customFields);
    }

    protected async closeRoom(room: ILivechatRoom, comment: string, closer: IUser | undefined, appId: string): Promise<boolean> {
        const appUser = [...this.store.users.values()].find((user) => user.appId === appId);
        const by = closer ?? appUser;
        return this.livechat.closeRoom(room.id, comment, by, 'user');
    }

    protected async countOpenRoomsByAgentId(agentId: string): Promise<number> {
        return (await this.findOpenRoomsByAgentId(agentId)).length;
    }

    protected async findOpenRoomsByAgentId(agentId: string): Promise<Array<ILivechatRoom>> {
        return [...this.store.rooms.values()].filter((room) => room.isOpen && room.servedBy?.id === agentId);
    }

    protected async findRooms(visitor: IVisitor, departmentId: string | null): Promise<Array<ILivechatRoom>> {
        return this.store.roomsOfVisitor(visitor.token).filter((room) => !departmentId || room.department?.id === departmentId);
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
        const scope = this.store.customFields.get(data.key);
        if (!scope) {
            throw new Error('Invalid custom field');
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
