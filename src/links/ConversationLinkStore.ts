import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

import { AssociationKeys } from '../persistence/AssociationKeys';
import { removeEvery } from '../persistence/removeEvery';
import { requireWriter } from '../persistence/requireWriter';
import { ClosedLinkIndex } from './ClosedLinkIndex';
import { contactKeyOf, ConversationLink } from './ConversationLink';
import { openLinkCache } from './OpenLinkCache';

/** Where an end user's latest conversation is; its room and visitor token never change for a conversation, so they are kept here too. */
interface VisitorPointer {
    conversationKey: string;
    roomId?: string;
    visitorToken?: string;
}

/** An end user's latest conversation as the pointer knows it: what never changes for a conversation. */
export type LatestConversation = Pick<ConversationLink, 'source' | 'conversationKey' | 'roomId' | 'visitorToken'>;

/**
 * Conversation links, readable by room and by platform conversation, plus a pointer from an
 * end user (the platform's own key for them) to their latest conversation. Every read is keyed; records are rewritten with
 * the same association list, so Rocket.Chat's update-by-associations finds them.
 */
export class ConversationLinkStore {
    constructor(private readonly reader: IPersistenceRead, private readonly writer?: IPersistence) {}

    public async byRoom(roomId: string): Promise<ConversationLink | undefined> {
        const link = await this.first<ConversationLink>([AssociationKeys.kind('link'), AssociationKeys.roomLink(roomId)]);
        if (link) {
            openLinkCache.note(link);
        }
        return link;
    }

    /**
     * The conversation of a room Rocket.Chat shows open, for what never changes while it lives
     * (its source, keys, external ids): from this process's memory when it has seen the link
     * open (OpenLinkCache), else read. Its `open` and `state` may be stale: read `byRoom` for those.
     */
    public async identityOfOpenRoom(roomId: string): Promise<ConversationLink | undefined> {
        return openLinkCache.get(roomId) ?? this.byRoom(roomId);
    }

    public async byConversation(source: string, conversationKey: string): Promise<ConversationLink | undefined> {
        return this.first<ConversationLink>([AssociationKeys.kind('link'), AssociationKeys.conversationLink(source, conversationKey)]);
    }

    /** The end user's latest conversation of this source, open or closed, by the platform's own key for them. */
    public async latestOfVisitor(source: string, contactKey: string): Promise<ConversationLink | undefined> {
        const pointer = await this.first<VisitorPointer>([AssociationKeys.kind('visitor-link'), AssociationKeys.visitorConversation(source, contactKey)]);
        return pointer ? this.byConversation(source, pointer.conversationKey) : undefined;
    }

    /**
     * Where the end user's latest conversation of this source is, open or closed: one keyed read
     * (two for a pointer written before it kept the room). Whether it is open is for the room to say.
     */
    public async latestPlaceOfVisitor(source: string, contactKey: string): Promise<LatestConversation | undefined> {
        const pointer = await this.first<VisitorPointer>([AssociationKeys.kind('visitor-link'), AssociationKeys.visitorConversation(source, contactKey)]);
        if (pointer?.roomId && pointer.visitorToken) {
            return { source, conversationKey: pointer.conversationKey, roomId: pointer.roomId, visitorToken: pointer.visitorToken };
        }
        return pointer ? this.byConversation(source, pointer.conversationKey) : undefined;
    }

    /** How many conversations of the source have an open room. */
    public async countOpen(source: string): Promise<number> {
        return (await this.reader.readByAssociations([AssociationKeys.kind('open-link'), AssociationKeys.openLinks(source)])).length;
    }

    /** Writes the link and points its end user at it. */
    public async save(link: ConversationLink): Promise<void> {
        await this.update(link);
        const pointer: VisitorPointer = { conversationKey: link.conversationKey, roomId: link.roomId, visitorToken: link.visitorToken };
        await requireWriter(this.writer, 'ConversationLinkStore').updateByAssociations(pointerKeys(link), pointer, true);
    }

    /** Rewrites the link without moving the visitor's pointer (e.g. its state; a close goes through `close`). */
    public async update(link: ConversationLink): Promise<void> {
        const writer = requireWriter(this.writer, 'ConversationLinkStore');
        openLinkCache.forget(link.roomId);
        await writer.updateByAssociations(linkKeys(link), link, true);
        if (link.open) {
            await writer.updateByAssociations(openMarkerKeys(link), { roomId: link.roomId }, true);
        } else {
            await writer.removeByAssociations(openMarkerKeys(link));
        }
        openLinkCache.note(link);
    }

    /**
     * Marks the conversation closed: it is indexed under the UTC day it closed on first (what the
     * retention job reads), then the link is rewritten and its open marker removed.
     */
    public async close(link: ConversationLink & { closedAt: string }): Promise<void> {
        await new ClosedLinkIndex(this.reader, this.writer).add(link, link.closedAt);
        await this.update({ ...link, open: false });
    }

    /** Every link, open or closed: one read of all of them, for the one-time indexing of links closed before the index existed. */
    public async all(): Promise<Array<ConversationLink>> {
        return (await this.reader.readByAssociations([AssociationKeys.kind('link')])) as Array<ConversationLink>;
    }

    /**
     * Forgets a finished conversation (the retention job): its end user's pointer, when it still
     * points at this conversation, then the link. A pointer another conversation of the end user
     * took between the read and the removal (another instance opening one) is written back.
     */
    public async forget(link: ConversationLink): Promise<void> {
        const writer = requireWriter(this.writer, 'ConversationLinkStore');
        openLinkCache.forget(link.roomId);
        const keys = pointerKeys(link);
        const pointers = (await this.reader.readByAssociations(keys)) as Array<VisitorPointer>;
        if (pointers.some((pointer) => pointer.conversationKey === link.conversationKey)) {
            const removed = (await removeEvery(writer, keys)) as Array<VisitorPointer>;
            const other = removed.find((pointer) => pointer.conversationKey !== link.conversationKey);
            if (other) {
                await writer.updateByAssociations(keys, other, true);
            }
        }
        await removeEvery(writer, [AssociationKeys.kind('link'), AssociationKeys.roomLink(link.roomId)]);
    }

    private async first<T>(keys: Array<RocketChatAssociationRecord>): Promise<T | undefined> {
        const [record] = await this.reader.readByAssociations(keys);
        return record as T | undefined;
    }
}

function linkKeys(link: ConversationLink): Array<RocketChatAssociationRecord> {
    return [AssociationKeys.kind('link'), AssociationKeys.roomLink(link.roomId), AssociationKeys.conversationLink(link.source, link.conversationKey)];
}

function openMarkerKeys(link: ConversationLink): Array<RocketChatAssociationRecord> {
    return [AssociationKeys.kind('open-link'), AssociationKeys.openLinks(link.source), AssociationKeys.openLinkOfRoom(link.roomId)];
}

function pointerKeys(link: ConversationLink): Array<RocketChatAssociationRecord> {
    return [AssociationKeys.kind('visitor-link'), AssociationKeys.visitorConversation(link.source, contactKeyOf(link))];
}
