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
        await this.links.save(link);
        const details = this.contactDetailsLine(conversation);
        if (details) {
            await this.livechat.postAsBot(room, details);
        }
        this.context.logger.info(`${source}: conversation ${conversationKey} opened room ${room.id}`);
        return link;
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
