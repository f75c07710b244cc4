import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import { HttpError } from '../http/HttpError';
import { appMutex } from '../concurrency/KeyedMutex';
import { conversationLock, ConversationLink } from '../links/ConversationLink';
import { ConversationLinkStore } from '../links/ConversationLinkStore';
import { attachmentFromUrl } from '../livechat/attachmentFromUrl';
import { installationSecret } from '../identity/InstallationSecret';
import { visitorTokenFor } from '../identity/visitorTokenFor';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { isEmailAddress } from '../validation/isEmailAddress';
import { RemoteFile } from './RemoteFile';

export interface ServiceContext {
    read: IRead;
    modify: IModify;
    persistence: IPersistence;
    settings: AppSettings;
    logger: ILogger;
    appId: string;
}

/** Who the end user is, as the platform says. */
export interface ContactDetails {
    name: string;
    email?: string;
    phone?: string;
    departmentId?: string;
}

export interface NewConversation {
    source: string;
    /** Unique per room: RapidPro's ticketID; bridges use the platform's conversation id plus a room generation. */
    conversationKey: string;
    /** The platform's own key for the end user (RapidPro: the contact's token; bridges: `<platform>:…`). */
    contactKey: string;
    contact: ContactDetails;
    /** The token of a visitor that already exists in Rocket.Chat (UChat serves widget visitors); otherwise one is derived from contactKey. */
    visitorToken?: string;
    externalIds: Record<string, string>;
    /** Shown to agents as the room's source. */
    label: string;
}

/**
 * The platform-neutral core every source uses: departments, rooms, the links between
 * platform conversations and rooms, messages in as the visitor or as labelled context,
 * closes asked for by the platform. Only LivechatGateway touches Rocket.Chat itself.
 */
export class ConversationService {
    public readonly links: ConversationLinkStore;
    public readonly livechat: LivechatGateway;

    constructor(private readonly context: ServiceContext) {
        const reader = context.read.getPersistenceReader();
        this.links = new ConversationLinkStore(reader, context.persistence);
        this.livechat = new LivechatGateway(context.read, context.modify, context.appId);
    }

    /**
     * The department for a new room: the one asked for (name or id; unknown → 404 naming it),
     * else the source's department setting, else `default_department`, else none (Rocket.Chat routes).
     * A department setting naming nothing is logged and skipped, never blocking the conversation.
     */
    public async departmentId(asked: string | undefined, sourceSetting?: SettingId): Promise<string | undefined> {
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

    /** The end user's open conversation of this source (by the platform's own key for them) whose room is still open in Rocket.Chat. */
    public async openLinkOfVisitor(source: string, contactKey: string): Promise<ConversationLink | undefined> {
        const link = await this.links.latestOfVisitor(source, contactKey);
        if (!link || !link.open) {
            return undefined;
        }
        const room = await this.livechat.room(link.roomId);
        return room?.isOpen ? link : undefined;
    }

    /**
     * Registers (or updates) the end user's visitor, opens a room for it and links the
     * conversation to it. The visitor's token is derived from the end user's key under the
     * installation secret; its email and phone are shown to agents in the room, not stored on
     * the visitor (see LivechatGateway.registerVisitor).
     */
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

    /** Closes the room of an open conversation in Rocket.Chat (the close event then tells the platform). */
    public async closeInRocketChat(link: ConversationLink, comment: string): Promise<void> {
        const room = await this.livechat.room(link.roomId);
        if (!room?.isOpen) {
            return;
        }
        try {
            await this.livechat.closeRoom(room, comment);
        } catch (error) {
            // Closed by someone else meanwhile: Rocket.Chat refuses to close a room twice (error-room-closed).
            if ((await this.livechat.room(link.roomId))?.isOpen) {
                throw error;
            }
        }
    }

    /**
     * The platform ended the conversation: the link is marked closed by the source first (so
     * the close event echoes nothing back), then the room is closed with a comment. Closing
     * an already closed conversation changes nothing.
     */
    public async closeFromSource(link: ConversationLink, comment: string): Promise<void> {
        await appMutex.run(conversationLock(link), async () => {
            const current = await this.links.byConversation(link.source, link.conversationKey);
            if (!current || !current.open) {
                return;
            }
            await this.links.update({ ...current, open: false, closedBySource: true, closedAt: new Date().toISOString() });
            await this.closeInRocketChat(current, comment);
            this.context.logger.info(`${link.source}: conversation ${link.conversationKey} closed by the platform (room ${current.roomId})`);
        });
    }

    /**
     * The end user's message, posted as the visitor; every file kept. Returns the message id.
     * With `messageId` (derived from the platform's event id) a second post of the same event
     * posts nothing and throws DuplicateMessageError.
     */
    public async postFromVisitor(link: ConversationLink, text: string, files: Array<RemoteFile>, messageId?: string): Promise<string> {
        const room = await this.openRoomOf(link);
        // Rocket.Chat takes a visitor message under the token stored with the room, which is the
        // link's, even when the visitor record was re-keyed since (registerGuest's email match).
        const visitor: IVisitor | undefined = room.visitor ? { ...room.visitor, token: link.visitorToken } : await this.livechat.findVisitor(link.visitorToken);
        if (!visitor) {
            throw HttpError.notFound(`the visitor of conversation ${link.conversationKey} no longer exists in Rocket.Chat`);
        }
        const id = await this.livechat.postAsVisitor(room, visitor, text, files.map((file) => attachmentFromUrl(file.url, file.mimeType, file.name)), messageId);
        SourceStatsStore.countIn(link.source, new Date());
        return id;
    }

    /** A reply by a platform bot that serves the room as its agent, posted by the app's bot user for the visitor. */
    public async postBotReply(link: ConversationLink, text: string, attachments: Array<IMessageAttachment>, messageIds?: (part: number) => string): Promise<string> {
        const room = await this.openRoomOf(link);
        const id = await this.livechat.postAsBot(room, text, attachments, messageIds);
        SourceStatsStore.countIn(link.source, new Date());
        return id;
    }

    /** A note for the room's agents only (never shown to the visitor, not stored in the room's history). */
    public async notifyAgents(link: ConversationLink, text: string): Promise<void> {
        await this.livechat.notifyAgents(await this.openRoomOf(link), text);
    }

    /**
     * What the platform's bot or its own agents said, shown to agents as context: posted by
     * the app's bot user with who said it, never as the visitor, never sent back out.
     */
    public async postContext(link: ConversationLink, speaker: string, text: string, files: Array<RemoteFile> = [], messageIds?: (part: number) => string): Promise<string> {
        const room = await this.openRoomOf(link);
        const body = text.trim() === '' ? `*${speaker}*` : `*${speaker}:* ${text}`;
        return this.livechat.postAsBot(room, body, files.map((file) => attachmentFromUrl(file.url, file.mimeType, file.name)), messageIds);
    }

    /**
     * Two instances opened a room each for one conversation at the same moment, and the other
     * room won (it holds the event's message, or the conversation's first link): this one is
     * closed with a note saying where the conversation goes on (marked closed by the source, so
     * nothing is echoed to the platform), and the end user points at the winner again.
     */
    public async giveWayTo(mine: ConversationLink, winnerRoomId: string): Promise<ConversationLink | undefined> {
        const winner = await this.links.byRoom(winnerRoomId);
        if (winner) {
            await this.links.save(winner);
        }
        await this.links.update({ ...mine, open: false, closedBySource: true, closedAt: new Date().toISOString() });
        await this.closeInRocketChat(mine, `Closed: opened twice at the same moment by two Rocket.Chat instances; the conversation continues in room ${winnerRoomId}.`);
        this.context.logger.warn(`${mine.source}: conversation ${mine.conversationKey} was opened twice at once; room ${mine.roomId} closed in favour of room ${winnerRoomId}`);
        return winner;
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

    private async openRoomOf(link: ConversationLink): Promise<ILivechatRoom> {
        const room = await this.livechat.room(link.roomId);
        if (!room || !room.isOpen) {
            throw HttpError.notFound(`the room of conversation ${link.conversationKey} is closed or gone`);
        }
        return room;
    }
}
