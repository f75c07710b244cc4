import { ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';

import { AppContext } from '../context/AppContext';
import { HttpError } from '../http/HttpError';
import { installationSecret } from '../identity/InstallationSecret';
import { visitorTokenFor } from '../identity/visitorTokenFor';
import { ConversationLinkStore, LatestConversation } from '../links/ConversationLinkStore';
import { attachmentFromUrl } from '../livechat/attachmentFromUrl';
import { LivechatGateway } from '../livechat/LivechatGateway';
import { SourceStatsStore } from '../stats/SourceStatsStore';
import { openRoomOf, roomClosed } from './openRoomOf';
import { RemoteFile } from './RemoteFile';

/**
 * The end user's messages, posted as the visitor of their conversation's room.
 * ConversationService delegates to it; callers go through ConversationService.
 */
export class VisitorMessages {
    constructor(
        private readonly context: AppContext,
        private readonly links: ConversationLinkStore,
        private readonly livechat: LivechatGateway,
    ) {}

    /**
     * A message into the end user's open conversation of this source, found in one read: the
     * rooms this app has open under the visitor token derived for them. Exactly one is their
     * conversation's room: a room is opened only for the end user's newest conversation, one
     * whose link could not be written is closed at once (ConversationOpener), and the room of a
     * replaced conversation is closed right after its successor's link is written. None, or
     * several (a new conversation while the old room is still open, two instances opening at
     * once), or a conversation from before derived tokens: the end user's pointer says which
     * conversation is theirs, as before. Undefined (nothing written) when none is known; 404
     * (nothing written) when its room is closed.
     */
    public async postFromContact(source: string, contactKey: string, text: string, files: Array<RemoteFile>): Promise<string | undefined> {
        const secret = await installationSecret.stored(this.context.read.getPersistenceReader());
        const token = secret === undefined ? undefined : visitorTokenFor(secret, source, contactKey);
        const rooms = token === undefined ? [] : await this.livechat.openRoomsOpenedForToken(token);
        if (rooms.length === 1 && token !== undefined) {
            return this.postAs(rooms[0], token, source, text, files);
        }
        const latest = await this.links.latestPlaceOfVisitor(source, contactKey);
        if (!latest) {
            return undefined;
        }
        if (rooms.length === 0 && latest.visitorToken === token) {
            // The one read said it already: no room of the end user's token is open.
            throw roomClosed(latest);
        }
        return this.post(latest, text, files);
    }

    /** A message into the conversation's room, which must be open (else 404); with `messageId`, posted once only (DuplicateMessageError). */
    public async post(link: LatestConversation, text: string, files: Array<RemoteFile>, messageId?: string): Promise<string> {
        return this.postAs(await openRoomOf(this.livechat, link), link.visitorToken, link.source, text, files, messageId);
    }

    /**
     * Posts as the room's visitor. Rocket.Chat takes a visitor message under the token stored
     * with the room (`token`), even when the visitor record was re-keyed since (registerGuest's email match).
     */
    private async postAs(room: ILivechatRoom, token: string, source: string, text: string, files: Array<RemoteFile>, messageId?: string): Promise<string> {
        const visitor: IVisitor | undefined = room.visitor ? { ...room.visitor, token } : await this.livechat.findVisitor(token);
        if (!visitor) {
            throw HttpError.notFound(`the visitor of room ${room.id} no longer exists in Rocket.Chat`);
        }
        const id = await this.livechat.postAsVisitor(room, visitor, text, files.map((file) => attachmentFromUrl(file.url, file.mimeType, file.name)), messageId);
        SourceStatsStore.countIn(source, new Date());
        return id;
    }
}
