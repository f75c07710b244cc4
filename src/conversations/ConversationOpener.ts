import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { AppContext } from '../context/AppContext';
import { HttpError } from '../http/HttpError';
import { installationSecret } from '../identity/InstallationSecret';
import { visitorTokenFor } from '../identity/visitorTokenFor';
import { ConversationLink } from '../links/ConversationLink';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { SettingId } from '../settings/SettingId';
import { isEmailAddress } from '../validation/isEmailAddress';
import { NewConversation } from './NewConversation';

/**
 * Opening conversations: the department of a new room, the visitor, the room and its link.
 * ConversationService delegates to it; callers go through ConversationService.
 */
export class ConversationOpener {
    constructor(
        private readonly context: AppContext,
        private readonly links: ConversationLinkStore,
        private readonly livechat: LivechatGateway,
    ) {}

    /** The department asked for (unknown → 404 naming it), else the source's setting, else `default_department`, else none. */
    public async departmentId(asked: string | undefined, sourceSetting?: string): Promise<string | undefined> {
        if (asked) {
            const department = await this.livechat.findDepartment(asked);
            if (!department) {
                throw HttpError.notFound(`department "${asked}" does not exist in Rocket.Chat (give its name or id)`);
            }
            return department.id;
        }
        for (const settingId of [sourceSetting, SettingId.DefaultDepartment]) {
            const configured = settingId ? await this.context.settings.text(settingId) : '';
            if (!configured) {
                continue;
            }
            const department = await this.livechat.findDepartment(configured);
            if (department) {
                return department.id;
            }
            this.context.logger.error(`the ${settingId} setting names "${configured}", which is not a department; trying the next choice`);
        }
        return undefined;
    }

    /** Registers (or updates) the visitor, opens its room, links the conversation and shows agents the contact's details. */
    public async open(conversation: NewConversation): Promise<ConversationLink> {
        const { source, conversationKey, contactKey, contact } = conversation;
        const token = conversation.visitorToken
            ?? visitorTokenFor(await installationSecret.get(this.context.read.getPersistenceReader(), this.context.persistence), source, contactKey);
        const visitor = await this.livechat.registerVisitor({ token, name: contact.name, departmentId: contact.departmentId });
        const room = await this.livechat.openRoom(visitor, conversation.label);
        const link: ConversationLink = {
            source,
            conversationKey,
            visitorToken: token,
            contactKey,
            roomId: room.id,
            open: true,
            externalIds: conversation.externalIds,
            createdAt: new Date().toISOString(),
        };
        await this.linkOrClose(link, room);
        const details = this.contactDetailsLine(conversation);
        if (details) {
            await this.livechat.postAsBot(room, details);
        }
        this.context.logger.info(`${source}: conversation ${conversationKey} opened room ${room.id}`);
        return link;
    }

    /**
     * Writes the new conversation's link. A room whose link could not be written belongs to no
     * conversation: it is closed at once (a message found by the end user's token must never land
     * in it, VisitorMessages), and the failure goes to the caller.
     */
    private async linkOrClose(link: ConversationLink, room: ILivechatRoom): Promise<void> {
        try {
            await this.links.save(link);
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            try {
                await this.livechat.close(room, 'Closed: the app could not record this conversation; it is opened again on the next try.');
            } catch (closing) {
                this.context.logger.error(`${link.source}: room ${room.id} of conversation ${link.conversationKey} could not be linked (${reason}) nor closed (close it by hand): ${closing instanceof Error ? closing.message : String(closing)}`);
            }
            throw error;
        }
    }

    /** The end user's phone and email for agents (never stored on the visitor); an email Rocket.Chat would refuse is left out and logged. */
    private contactDetailsLine({ source, conversationKey, contact }: NewConversation): string | undefined {
        const email = contact.email?.trim();
        if (email && !isEmailAddress(email)) {
            this.context.logger.warn(`${source}: the end user's email in conversation ${conversationKey} is not a valid address; left out`);
        }
        const facts = [contact.phone?.trim() && `phone ${contact.phone.trim()}`, email && isEmailAddress(email) && `email ${email}`].filter(Boolean);
        return facts.length > 0 ? `Contact details: ${facts.join(', ')}` : undefined;
    }
}
