import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';

import { appMutex } from '../concurrency/KeyedMutex';
import { AppContext } from '../context/AppContext';
import { ConversationLink, conversationLock } from '../links/ConversationLink';
import { ConversationLinkStore, LatestConversation } from '../links/ConversationLinkStore';
import { Choice, conversationState } from '../links/ConversationState';
import { attachmentFromUrl } from '../livechat/attachmentFromUrl';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { BotServedRooms } from './BotServedRooms';
import { ConversationOpener } from './ConversationOpener';
import { NewConversation } from './NewConversation';
import { openRoomOf } from './openRoomOf';
import { RemoteFile } from './RemoteFile';
import { VisitorMessages } from './VisitorMessages';

/**
 * The one entrance for every platform: departments, rooms, the links between platform
 * conversations and rooms, messages in as the visitor or as labelled context, closes asked
 * for by the platform, rooms served by a platform's bot and their handover to humans. Its
 * stores and LivechatGateway (the only module touching Rocket.Chat's livechat) stay inside.
 */
export class ConversationService {
    private readonly links: ConversationLinkStore;
    private readonly livechat: LivechatGateway;
    private readonly opener: ConversationOpener;
    private readonly botServed: BotServedRooms;
    private readonly visitorMessages: VisitorMessages;

    constructor(private readonly context: AppContext) {
        const reader = context.read.getPersistenceReader();
        this.links = new ConversationLinkStore(reader, context.persistence);
        this.livechat = new LivechatGateway(context.read, context.modify, context.appId);
        this.opener = new ConversationOpener(context, this.links, this.livechat);
        this.botServed = new BotServedRooms(context, this.links, this.livechat);
        this.visitorMessages = new VisitorMessages(context, this.links, this.livechat);
    }

    /** The conversation with this key of the source, open or closed. */
    public async find(source: string, conversationKey: string): Promise<ConversationLink | undefined> {
        return this.links.byConversation(source, conversationKey);
    }

    /** The conversation held by a room, if any. */
    public async ofRoom(roomId: string): Promise<ConversationLink | undefined> {
        return this.links.byRoom(roomId);
    }

    /** The conversation of a room Rocket.Chat shows open, for what never changes while it lives (see ConversationLinkStore.identityOfOpenRoom). */
    public async identityOfOpenRoom(roomId: string): Promise<ConversationLink | undefined> {
        return this.links.identityOfOpenRoom(roomId);
    }

    /** Where the end user's latest conversation of this source is (its room may be closed): the cheap lookup for posting into it. */
    public async latestPlaceOfVisitor(source: string, contactKey: string): Promise<LatestConversation | undefined> {
        return this.links.latestPlaceOfVisitor(source, contactKey);
    }

    /** The end user's latest conversation of this source, open or closed, by the platform's own key for them. */
    public async latestOfVisitor(source: string, contactKey: string): Promise<ConversationLink | undefined> {
        return this.links.latestOfVisitor(source, contactKey);
    }

    /**
     * The department for a new room: the one asked for (name or id; unknown → 404 naming it),
     * else the source's department setting, else `default_department`, else none (Rocket.Chat routes).
     * A department setting naming nothing is logged and skipped, never blocking the conversation.
     */
    public async departmentId(asked: string | undefined, sourceSetting?: string): Promise<string | undefined> {
        return this.opener.departmentId(asked, sourceSetting);
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
        return this.opener.open(conversation);
    }

    /** Closes the room of an open conversation in Rocket.Chat (the close event then tells the platform). */
    public async closeInRocketChat(link: ConversationLink, comment: string): Promise<void> {
        const room = await this.livechat.room(link.roomId);
        if (!room?.isOpen) {
            return;
        }
        try {
            await this.livechat.close(room, comment);
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
            await this.links.close({ ...current, closedBySource: true, closedAt: new Date().toISOString() });
            await this.closeInRocketChat(current, comment);
            this.context.logger.info(`${link.source}: conversation ${link.conversationKey} closed by the platform (room ${current.roomId})`);
        });
    }

    /**
     * The end user's message into their open conversation of this source, found in one read
     * (see VisitorMessages.postFromContact); undefined, with nothing written, when no conversation of theirs is known.
     */
    public async postFromContact(source: string, contactKey: string, text: string, files: Array<RemoteFile>): Promise<string | undefined> {
        return this.visitorMessages.postFromContact(source, contactKey, text, files);
    }

    /**
     * The end user's message, posted as the visitor; every file kept. Returns the message id.
     * With `messageId` (derived from the platform's event id) a second post of the same event
     * posts nothing and throws DuplicateMessageError.
     */
    public async postFromVisitor(link: LatestConversation, text: string, files: Array<RemoteFile>, messageId?: string): Promise<string> {
        return this.visitorMessages.post(link, text, files, messageId);
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
        await this.links.close({ ...mine, closedBySource: true, closedAt: new Date().toISOString() });
        await this.closeInRocketChat(mine, `Closed: opened twice at the same moment by two Rocket.Chat instances; the conversation continues in room ${winnerRoomId}.`);
        this.context.logger.warn(`${mine.source}: conversation ${mine.conversationKey} was opened twice at once; room ${mine.roomId} closed in favour of room ${winnerRoomId}`);
        return winner;
    }

    /**
     * Rocket.Chat closed the room (an agent, the visitor, a timeout): the link is ended. Returns
     * the ended link, or undefined when the room holds no open conversation.
     */
    public async endedInRocketChat(roomId: string, closedAt: Date): Promise<ConversationLink | undefined> {
        const initial = await this.links.byRoom(roomId);
        if (!initial) {
            return undefined;
        }
        return appMutex.run(conversationLock(initial), async () => {
            const link = await this.links.byRoom(roomId);
            if (!link || !link.open) {
                return undefined;
            }
            const ended = { ...link, open: false, closedAt: closedAt.toISOString() };
            await this.links.close(ended);
            return ended;
        });
    }

    /** A message by the app's bot user in a room (e.g. imported history); false when the room is gone. */
    public async postNote(roomId: string, text: string): Promise<boolean> {
        const room = await this.livechat.room(roomId);
        if (!room) {
            return false;
        }
        await this.livechat.postAsBot(room, text);
        return true;
    }

    /** Sets a livechat custom field of the visitor (and its open room); Rocket.Chat refuses fields the admin has not defined. */
    public async setVisitorField(visitorToken: string, key: string, value: string): Promise<void> {
        await this.livechat.setCustomField(visitorToken, key, value);
    }

    /** The name of the Rocket.Chat visitor with this token, or undefined when there is none. */
    public async visitorName(visitorToken: string): Promise<string | undefined> {
        return (await this.livechat.findVisitor(visitorToken))?.name;
    }

    /** The choices a bot offered last in the conversation, kept for the visitor's answer. */
    public async rememberChoices(link: ConversationLink, choices: Array<Choice>): Promise<void> {
        await this.links.update({ ...link, state: { ...conversationState(link), choices } });
    }

    /**
     * The room of a platform whose bot serves widget visitors, if the message's room is one: open,
     * in the department the bot serves. Undefined otherwise.
     */
    public async botServedRoom(roomId: string, departmentSetting: string): Promise<ILivechatRoom | undefined> {
        return this.botServed.room(roomId, departmentSetting);
    }

    /** The visitor's open room in the department the platform's bot serves, linked to the platform on first contact. */
    public async adoptOpenRoom(source: string, visitorToken: string, departmentSetting: string): Promise<ConversationLink | undefined> {
        return this.botServed.adoptOpenRoom(source, visitorToken, departmentSetting);
    }

    /**
     * The link of a room a platform's bot serves. Such rooms are opened by Rocket.Chat (the
     * livechat widget), not by the app, so the link is made on first contact. Undefined when
     * the room belongs to another source. The room is the conversation, so its id is the key.
     */
    public async linkOfBotServedRoom(source: string, room: ILivechatRoom): Promise<ConversationLink | undefined> {
        return this.botServed.linkOf(source, room);
    }

    /**
     * Hands a room served by a platform's bot to human agents: the visitor is told, the room is
     * transferred (by department id) to the department in `departmentSetting`, and only once
     * Rocket.Chat has taken it is the conversation marked handed over (nothing goes to the bot
     * any more). When Rocket.Chat refuses (nobody online there, or the department is
     * misconfigured) the visitor is told and the bot keeps serving the room.
     */
    public async handOverToHumans(link: ConversationLink, departmentSetting: string, reason: string): Promise<void> {
        await this.botServed.handOver(link, departmentSetting, reason);
    }

    private async openRoomOf(link: LatestConversation): Promise<ILivechatRoom> {
        return openRoomOf(this.livechat, link);
    }
}
