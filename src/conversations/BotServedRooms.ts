import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { AppContext } from '../context/AppContext';
import { ConversationLink } from '../links/ConversationLink';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { conversationState } from '../links/ConversationState';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { transferToHumans } from './transferToHumans';

/**
 * Rooms served by a platform's bot (opened by Rocket.Chat's livechat widget, not by the app):
 * finding them, linking them on first contact, and handing them over to human agents.
 * ConversationService delegates to it; callers go through ConversationService.
 */
export class BotServedRooms {
    constructor(
        private readonly context: AppContext,
        private readonly links: ConversationLinkStore,
        private readonly livechat: LivechatGateway,
    ) {}

    /** The message's room if it is open and in the department the bot serves; undefined otherwise. */
    public async room(roomId: string, departmentSetting: string): Promise<ILivechatRoom | undefined> {
        const room = await this.livechat.room(roomId);
        const department = await this.livechat.findDepartment(await this.context.settings.text(departmentSetting));
        return room && room.isOpen && department && room.department?.id === department.id ? room : undefined;
    }

    /** The visitor's open room in the department the bot serves, linked to the platform on first contact. */
    public async adoptOpenRoom(source: string, visitorToken: string, departmentSetting: string): Promise<ConversationLink | undefined> {
        const department = await this.livechat.findDepartment(await this.context.settings.text(departmentSetting));
        const room = department ? (await this.livechat.openRoomsOfVisitor(visitorToken)).find((candidate) => candidate.department?.id === department.id) : undefined;
        return room ? this.linkOf(source, room) : undefined;
    }

    /** The room's link, made on first contact (the room is the conversation, so its id is the key); undefined when another source has it. */
    public async linkOf(source: string, room: ILivechatRoom): Promise<ConversationLink | undefined> {
        const existing = await this.links.byRoom(room.id);
        if (existing) {
            return existing.source === source ? existing : undefined;
        }
        const link: ConversationLink = {
            source,
            conversationKey: `room:${room.id}`,
            visitorToken: room.visitor.token,
            roomId: room.id,
            open: true,
            externalIds: {},
            createdAt: new Date().toISOString(),
        };
        await this.links.save(link);
        return link;
    }

    /** Transfers the room to humans; the conversation is marked handed over only once Rocket.Chat has taken it. */
    public async handOver(link: ConversationLink, departmentSetting: string, reason: string): Promise<void> {
        const current = (await this.links.byRoom(link.roomId)) ?? link;
        if (conversationState(current).handedOver) {
            return;
        }
        const room = await this.livechat.room(link.roomId);
        const visitor = await this.livechat.findVisitor(link.visitorToken);
        if (!room || !room.isOpen || !visitor) {
            return;
        }
        const { logger, settings } = this.context;
        if (await transferToHumans(this.livechat, settings, logger, { source: link.source, room, visitor, departmentSetting, reason })) {
            await this.links.update({ ...current, state: { ...conversationState(current), handedOver: true } });
        }
    }
}
