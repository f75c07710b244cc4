import { createHash } from 'crypto';

/** UChat wants a numeric conversation id: a stable one per room, derived from the room id (48 bits, below 2^53). */
export function uchatConversationId(roomId: string): number {
    return parseInt(createHash('sha256').update(roomId).digest('hex').slice(0, 12), 16);
}
