import { IModify, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ILivechatMessageBuilder } from '@rocket.chat/apps-engine/definition/accessors/ILivechatMessageBuilder';
import { IMessageBuilder } from '@rocket.chat/apps-engine/definition/accessors/IMessageBuilder';
import { IDepartment, ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { isMessageTooLong, messageSizeLimit } from '../settings/messageSizeLimit';
import { acceptedAttachments } from './acceptedAttachments';
import { DuplicateMessageError } from './DuplicateMessageError';
import { NoAgentOnlineError } from './NoAgentOnlineError';
import { rocketChatErrorIs } from './rocketChatErrorIs';
import { splitMessageText } from './splitMessageText';

/** What the app registers a visitor with: never an email or a phone (see registerVisitor). */
export interface VisitorDetails {
    token: string;
    name: string;
    departmentId?: string;
}

/**
 * Bot texts up to this length are posted without reading Message_MaxAllowedSize first (one
 * round trip saved on every bot line; Rocket.Chat's default is 5000): if the server refuses one
 * anyway (an admin set a lower limit), the limit is read and the text split then.
 */
const SHORT_BOT_TEXT = 1000;

/** The only module that touches Rocket.Chat's livechat accessors. */
export class LivechatGateway {
    private botUser?: IUser;
    private sizeLimit?: number;

    constructor(private readonly read: IRead, private readonly modify: IModify, private readonly appId: string) {}

    public async appUser(): Promise<IUser> {
        if (!this.botUser) {
            const user = await this.read.getUserReader().getAppUser(this.appId);
            if (!user) {
                throw new Error('the app user is missing: reinstall the app');
            }
            this.botUser = user;
        }
        return this.botUser;
    }

    public async findDepartment(idOrName: string): Promise<IDepartment | undefined> {
        return this.read.getLivechatReader().getLivechatDepartmentByIdOrName(idOrName);
    }

    public async findVisitor(token: string): Promise<IVisitor | undefined> {
        return this.read.getLivechatReader().getLivechatVisitorByToken(token);
    }

    /**
     * The open livechat rooms of the visitor token, whoever opened them: one read of Rocket.Chat's
     * own index (LivechatRooms.findOpenByVisitorToken, which takes nothing of the visitor but its token).
     */
    public async openRoomsOfVisitor(token: string): Promise<Array<ILivechatRoom>> {
        return (await this.read.getLivechatReader().getLivechatRooms({ token } as IVisitor)).filter((room) => room.isOpen);
    }

    /**
     * The open rooms this app opened for the visitor token (one read). Rocket.Chat sets an
     * app-created room's source to `{ type: 'app', id: <the app> }` itself, so a room opened
     * through the widget or the public API with the same token is never among them.
     */
    public async openRoomsOpenedForToken(token: string): Promise<Array<ILivechatRoom>> {
        return (await this.openRoomsOfVisitor(token)).filter((room) => room.source?.type === OmnichannelSourceType.APP && room.source.id === this.appId);
    }

    /**
     * Registers the visitor, or updates the one with the same token (Rocket.Chat's registerGuest).
     * No email or phone is handed over: when no visitor has the token, registerGuest reuses a
     * visitor with the same phone (keeping that visitor's token) or the same email (re-keying
     * it), so two end users sharing one would end up on one visitor; and anyone could register
     * through the public widget API with an end user's phone and be handed that visitor's token.
     */
    public async registerVisitor(details: VisitorDetails): Promise<IVisitor> {
        const visitor: IVisitor = { token: details.token, username: '', name: details.name, department: details.departmentId };
        const created = await this.modify.getCreator().getLivechatCreator().createAndReturnVisitor(visitor);
        if (!created) {
            throw new Error('Rocket.Chat did not register the visitor');
        }
        if (created.token !== details.token) {
            throw new Error(`Rocket.Chat registered the visitor as an existing visitor (${created.id ?? 'unknown id'}) with another token`);
        }
        return created;
    }

    /** Rocket.Chat routes the room to the visitor's department; with nobody online there it refuses (NoAgentOnlineError), unless set to queue it. */
    public async openRoom(visitor: IVisitor, label: string): Promise<ILivechatRoom> {
        try {
            return await this.modify.getCreator().getLivechatCreator().createRoom(visitor, undefined as unknown as IUser, {
                source: { type: OmnichannelSourceType.APP, id: this.appId, alias: 'Tickets', label },
            });
        } catch (error) {
            if (!rocketChatErrorIs(error, 'no-agent-online')) {
                throw error;
            }
            const department = visitor.department ? await this.findDepartment(visitor.department) : undefined;
            throw new NoAgentOnlineError(department?.name ?? visitor.department);
        }
    }

    public async room(roomId: string): Promise<ILivechatRoom | undefined> {
        const room = await this.read.getRoomReader().getById(roomId);
        return (room as ILivechatRoom | undefined) ?? undefined;
    }

    public async close(room: ILivechatRoom, comment: string): Promise<boolean> {
        return this.modify.getUpdater().getLivechatUpdater().closeRoom(room, comment, await this.appUser());
    }

    /**
     * A visitor message (Rocket.Chat applies no size limit to these); attachment links made
     * acceptable to Rocket.Chat. With `id`, the message is stored under that id, or not at all
     * when it exists already (DuplicateMessageError).
     */
    public async postAsVisitor(room: ILivechatRoom, visitor: IVisitor, text: string, attachments: Array<IMessageAttachment>, id?: string): Promise<string> {
        const builder = this.modify.getCreator().startLivechatMessage().setRoom(room).setVisitor(visitor).setText(text);
        if (attachments.length > 0) {
            builder.setAttachments(acceptedAttachments(attachments));
        }
        return this.finish(builder, id);
    }

    /**
     * A message by the app's bot user. Rocket.Chat refuses a text above Message_MaxAllowedSize,
     * so a longer one goes as several messages in order (split at line breaks where possible,
     * nothing lost), the attachments with the last. Returns the first message's id. With `ids`,
     * part n is stored under `ids(n)`, or not at all when it exists already (DuplicateMessageError).
     */
    public async postAsBot(room: ILivechatRoom, text: string, attachments: Array<IMessageAttachment> = [], ids?: (part: number) => string): Promise<string> {
        const accepted = acceptedAttachments(attachments);
        if (text.length <= SHORT_BOT_TEXT) {
            try {
                return await this.postOneAsBot(room, text, accepted, ids?.(0));
            } catch (error) {
                if (!isMessageTooLong(error)) {
                    throw error;
                }
            }
        }
        if (this.sizeLimit === undefined) {
            this.sizeLimit = await messageSizeLimit(this.read);
        }
        const parts = splitMessageText(text, this.sizeLimit);
        const posted: Array<string> = [];
        for (let index = 0; index < parts.length; index++) {
            posted.push(await this.postOneAsBot(room, parts[index], index === parts.length - 1 ? accepted : [], ids?.(index)));
        }
        return posted[0];
    }

    private async postOneAsBot(room: ILivechatRoom, text: string, attachments: Array<IMessageAttachment>, id: string | undefined): Promise<string> {
        const builder = this.modify.getCreator().startMessage().setRoom(room).setSender(await this.appUser()).setText(text).setGroupable(false);
        if (attachments.length > 0) {
            builder.setAttachments(attachments);
        }
        return this.finish(builder, id);
    }

    /**
     * Sends the built message. The engine ignores a message's own `id`; Rocket.Chat's message
     * converter copies `_unmappedProperties_` onto the stored message, so `_id` there is the id it
     * is stored under, and MongoDB's unique _id admits one message per id: when Rocket.Chat
     * refuses it and a message with that id exists, another instance got there first.
     */
    private async finish(builder: IMessageBuilder | ILivechatMessageBuilder, id: string | undefined): Promise<string> {
        if (id === undefined) {
            return this.modify.getCreator().finish(builder);
        }
        builder.setData({ ...builder.getMessage(), _unmappedProperties_: { _id: id } } as never);
        try {
            return await this.modify.getCreator().finish(builder);
        } catch (error) {
            const existing = await this.read.getMessageReader().getById(id);
            if (existing) {
                throw new DuplicateMessageError(id, existing.room.id);
            }
            throw error;
        }
    }

    /** An ephemeral note to the users of the room (its agents); the livechat visitor is not a room user and never sees it. */
    public async notifyAgents(room: ILivechatRoom, text: string): Promise<void> {
        const message = this.modify.getCreator().startMessage().setRoom(room).setSender(await this.appUser()).setText(text).getMessage();
        await this.modify.getNotifier().notifyRoom(room, message);
    }

    /** Sets a livechat custom field of the visitor (and its open room); Rocket.Chat refuses fields the admin has not defined. */
    public async setCustomField(token: string, key: string, value: string): Promise<boolean> {
        return this.modify.getUpdater().getLivechatUpdater().setCustomFields(token, key, value, true);
    }

    /** Rocket.Chat takes the department's id only, and throws when it refuses (nobody online there, the room's own department…). */
    public async transferToDepartment(room: ILivechatRoom, visitor: IVisitor, departmentId: string): Promise<boolean> {
        return this.modify.getUpdater().getLivechatUpdater().transferVisitor(visitor, { currentRoom: room, targetDepartment: departmentId });
    }
}
