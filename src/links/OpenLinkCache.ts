import { ConversationLink } from './ConversationLink';

/** Rooms remembered per app process (a few hundred bytes each). */
const CAPACITY = 5000;

const byRoom = new Map<string, ConversationLink>();

/**
 * The open conversation links this app process has read or written lately, by room: what an
 * agent's reply needs of its conversation (source, keys, external ids, room) never changes
 * while the conversation lives, so the reply path takes it from here while the room is open
 * and reads it only when this process has not seen it (after a restart, on another instance,
 * for the oldest rooms beyond CAPACITY). A link closed by this process is forgotten here; one
 * closed elsewhere is never used here, as only a room Rocket.Chat shows open is looked up.
 */
export const openLinkCache = {
    get(roomId: string): ConversationLink | undefined {
        return byRoom.get(roomId);
    },

    /** Remembers an open link (a closed one is forgotten). */
    note(link: ConversationLink): void {
        byRoom.delete(link.roomId);
        if (!link.open) {
            return;
        }
        byRoom.set(link.roomId, link);
        if (byRoom.size > CAPACITY) {
            byRoom.delete(byRoom.keys().next().value as string);
        }
    },

    forget(roomId: string): void {
        byRoom.delete(roomId);
    },
};
