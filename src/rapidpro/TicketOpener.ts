import { appMutex } from '../concurrency/KeyedMutex';
import { HttpError } from '../http/HttpError';
import { RequestContext } from '../http/RequestContext';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { SettingId } from '../settings/SettingId';
import { HISTORY_JOB, HistoryJobData } from './HistoryJob';
import { OpenTicketRequest } from './RapidProTypes';

export const SOURCE = 'rapidpro';

/**
 * `/room`: one livechat room per RapidPro ticket. The same ticketID again answers the same
 * room (retries, concurrent calls). A new ticket for a contact whose room is still open
 * closes that room (RapidPro is told) and opens a fresh one, so no contact is ever stuck.
 */
export class TicketOpener {
    private readonly links: ConversationLinkStore;
    private readonly livechat: LivechatGateway;

    constructor(private readonly context: RequestContext) {
        this.links = new ConversationLinkStore(context.read.getPersistenceReader(), context.persistence);
        this.livechat = new LivechatGateway(context.read, context.modify, context.appId);
    }

    public async open(ticket: OpenTicketRequest): Promise<string> {
        return appMutex.run(`${SOURCE}-visitor:${ticket.visitor.token}`, async () => {
            const existing = await this.links.byConversation(SOURCE, ticket.ticketID);
            if (existing) {
                return existing.roomId;
            }
            const departmentId = await this.departmentFor(ticket);
            await this.replacePreviousTicket(ticket);
            const visitor = await this.livechat.upsertVisitor({
                token: ticket.visitor.token,
                name: ticket.visitor.name ?? ticket.visitor.phone ?? ticket.visitor.email ?? `RapidPro contact ${ticket.visitor.token}`,
                email: ticket.visitor.email,
                phone: ticket.visitor.phone,
                departmentId,
            });
            const room = await this.livechat.openRoom(visitor, 'RapidPro');
            await this.links.save({
                source: SOURCE,
                conversationKey: ticket.ticketID,
                visitorToken: ticket.visitor.token,
                roomId: room.id,
                open: true,
                externalIds: { ticketID: ticket.ticketID, ...(ticket.visitor.contactUUID ? { contactUUID: ticket.visitor.contactUUID } : {}) },
                createdAt: new Date().toISOString(),
            });
            await this.applyCustomFields(ticket);
            await this.requestHistory(ticket, room.id, visitor.name);
            this.context.logger.info(`rapidpro: ticket ${ticket.ticketID} opened room ${room.id}`);
            return room.id;
        });
    }

    /** The request's department (name or id; unknown → 404), else the default_department setting, else Rocket.Chat's routing. */
    private async departmentFor(ticket: OpenTicketRequest): Promise<string | undefined> {
        const asked = ticket.visitor.department;
        if (asked) {
            const department = await this.livechat.findDepartment(asked);
            if (!department) {
                throw HttpError.notFound(`department "${asked}" does not exist in Rocket.Chat (give its name or id)`);
            }
            return department.id;
        }
        const fallback = await this.context.settings.text(SettingId.DefaultDepartment);
        if (!fallback) {
            return undefined;
        }
        const department = await this.livechat.findDepartment(fallback);
        if (!department) {
            this.context.logger.error(`the default_department setting names "${fallback}", which does not exist; Rocket.Chat's routing decides`);
        }
        return department?.id;
    }

    private async replacePreviousTicket(ticket: OpenTicketRequest): Promise<void> {
        const previous = await this.links.latestOfVisitor(SOURCE, ticket.visitor.token);
        if (!previous || !previous.open) {
            return;
        }
        const room = await this.livechat.room(previous.roomId);
        if (room?.isOpen) {
            await this.livechat.closeRoom(room, `Closed: RapidPro opened a new ticket (${ticket.ticketID}) for this contact, replacing ticket ${previous.conversationKey}.`);
            this.context.logger.info(`rapidpro: ticket ${ticket.ticketID} replaces ticket ${previous.conversationKey} (room ${previous.roomId} closed)`);
        }
    }

    private async applyCustomFields(ticket: OpenTicketRequest): Promise<void> {
        for (const [key, value] of Object.entries(ticket.visitor.customFields)) {
            try {
                await this.livechat.setCustomField(ticket.visitor.token, key, value);
            } catch (error) {
                this.context.logger.warn(`rapidpro: custom field "${key}" was not set (define it under Omnichannel > Custom Fields): ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    }

    private async requestHistory(ticket: OpenTicketRequest, roomId: string, contactName: string): Promise<void> {
        const hours = await this.context.settings.count(SettingId.RapidProHistoryHours, 6);
        const contactUUID = ticket.visitor.contactUUID;
        if (!contactUUID || (await this.context.settings.text(SettingId.RapidProApiToken)) === '' || (hours === 0 && !ticket.sessionStart)) {
            return;
        }
        const after = ticket.sessionStart ? new Date(ticket.sessionStart).toISOString() : new Date(Date.now() - hours * 3600 * 1000).toISOString();
        const data: HistoryJobData = { roomId, contactUUID, contactName, after };
        await this.context.modify.getScheduler().scheduleOnce({ id: HISTORY_JOB, when: new Date(), data });
    }
}
