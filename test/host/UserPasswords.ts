import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Users' passwords, as Rocket.Chat keeps them: never the password itself, a salted hash
 * (Rocket.Chat stores bcrypt of the SHA-256 the client sends; a salted SHA-256 is enough here).
 */
export class UserPasswords {
    private readonly hashes = new Map<string, { salt: Buffer; hash: Buffer }>();

    public set(userId: string, password: string): void {
        const salt = randomBytes(16);
        this.hashes.set(userId, { salt, hash: digest(salt, password) });
    }

    /** Whether the user has this password (constant time); false for a user without one (an app's bot, a visitor). */
    public matches(userId: string, password: string): boolean {
        const stored = this.hashes.get(userId);
        return stored !== undefined && timingSafeEqual(stored.hash, digest(stored.salt, password));
    }
}

function digest(salt: Buffer, password: string): Buffer {
    return createHash('sha256').update(salt).update(password, 'utf8').digest();
}
