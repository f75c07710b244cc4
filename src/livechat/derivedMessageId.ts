import { createHash } from 'crypto';

/** The characters of Rocket.Chat's Random.id. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
const LENGTH = 17;

/**
 * A Rocket.Chat message id decided by what the message stands for (the end user's visitor
 * token, which only this installation can derive, and the platform's event id), so every
 * instance that handles the same platform event asks for the same id, and the messages
 * collection's unique _id lets only one of them in. Shaped like Rocket.Chat's own ids.
 */
export function derivedMessageId(visitorToken: string, eventId: string, part = 0): string {
    const digest = createHash('sha256').update(`${visitorToken}\n${eventId}\n${part}`, 'utf8').digest();
    let id = '';
    for (let i = 0; i < LENGTH; i++) {
        id += ALPHABET[digest[i] % ALPHABET.length];
    }
    return id;
}
