import { appMutex } from '../../concurrency/KeyedMutex';
import { ConversationService } from '../../conversations/ConversationService';
import { RequestContext } from '../../http/RequestContext';
import { ConversationLink, visitorLock } from '../../links/ConversationLink';
import { HISTORY_JOB, HistoryJobData } from './HistoryJob';
import { RapidProSetting } from './RapidProSetting';
import { RAPIDPRO_LABEL, RAPIDPRO_SOURCE } from './rapidProSource';
import { OpenTicketRequest } from './types';


/**
 * `/room`: one livechat room per RapidPro ticket. The same ticketID again answers the same
 * room (retries, concurrent calls, on any instance). A new ticket for a contact whose room is still open
 * opens a fresh room, then closes the old one (RapidPro is told), so no contact is ever
 * stuck. With no agent online Rocket.Chat refuses the room: 503 (RapidPro retries a GET
 * after a status above 501), and nothing changed.
 */
export class TicketOpener {
    private readonly conversations: ConversationService;

    constructor(private readonly context: RequestContext) {
        this.conversations = new ConversationService(context);
    }

    public async open(ticket: OpenTicketRequest): Promise<string> {
        return appMutex.run(visitorLock(RAPIDPRO_SOURCE, ticket.visitor.token), async () => {
            const existing = await this.conversations.find(RAPIDPRO_SOURCE, ticket.ticketID);
            if (existing) {
                return existing.roomId;
            }
            const departmentId = await this.conversations.departmentId(ticket.visitor.department);
            const previous = await this.conversations.openLinkOfVisitor(RAPIDPRO_SOURCE, ticket.visitor.token);
            const { visitor } = ticket;
            // The new room first: if Rocket.Chat refuses it (nobody online), the contact's current room stays as it is.
            const link = await this.conversations.open({
                source: RAPIDPRO_SOURCE,
                conversationKey: ticket.ticketID,
                contactKey: visitor.token,
                contact: {
                    name: visitor.name ?? visitor.phone ?? visitor.email ?? `RapidPro contact ${visitor.token}`,
                    email: visitor.email,
                    phone: visitor.phone,
                    departmentId,
                },
                externalIds: { ticketID: ticket.ticketID, ...(visitor.contactUUID ? { contactUUID: visitor.contactUUID } : {}) },
                label: RAPIDPRO_LABEL,
            });
            // Another instance may have opened a room for this very ticket at the same moment: the
            // ticket's first link (links are read in the order they were written) wins everywhere.
            const first = await this.conversations.find(RAPIDPRO_SOURCE, ticket.ticketID);
            if (first && first.roomId !== link.roomId) {
                await this.conversations.giveWayTo(link, first.roomId);
                return first.roomId;
            }
            if (previous) {
                await this.endReplaced(previous, ticket.ticketID);
            }
            await this.applyCustomFields(ticket, link.visitorToken);
            await this.requestHistory(ticket, link.roomId, visitor.name ?? `RapidPro contact ${visitor.token}`);
            return link.roomId;
        });
    }

    /** The new ticket's room exists: a failure to close the old one is logged, never failing the new ticket. */
    private async endReplaced(previous: ConversationLink, ticketID: string): Promise<void> {
        try {
            await this.conversations.closeInRocketChat(previous, `Closed: RapidPro opened a new ticket (${ticketID}) for this contact, replacing ticket ${previous.conversationKey}.`);
        } catch (error) {
            this.context.logger.error(`rapidpro: room ${previous.roomId} of replaced ticket ${previous.conversationKey} could not be closed (close it by hand): ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private async applyCustomFields(ticket: OpenTicketRequest, visitorToken: string): Promise<void> {
        for (const [key, value] of Object.entries(ticket.visitor.customFields)) {
            try {
                await this.conversations.setVisitorField(visitorToken, key, value);
            } catch (error) {
                const reason = error instanceof Error ? error.message : String(error);
                this.context.logger.warn(`rapidpro: custom field "${key}" was not set on ticket ${ticket.ticketID} (it must be defined under Omnichannel > Custom Fields and its value must pass the field's validation): ${reason}`);
            }
        }
    }

    private async requestHistory(ticket: OpenTicketRequest, roomId: string, contactName: string): Promise<void> {
        const hours = await this.context.settings.count(RapidProSetting.HistoryHours, 6);
        const contactUUID = ticket.visitor.contactUUID;
        if (!contactUUID || (await this.context.settings.text(RapidProSetting.ApiToken)) === '' || (hours === 0 && !ticket.sessionStart)) {
            return;
        }
        const after = ticket.sessionStart ? new Date(ticket.sessionStart).toISOString() : new Date(Date.now() - hours * 3600 * 1000).toISOString();
        const data: HistoryJobData = { roomId, contactUUID, contactName, after };
        await this.context.modify.getScheduler().scheduleOnce({ id: HISTORY_JOB, when: new Date(), data });
    }
}
