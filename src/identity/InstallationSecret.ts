import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { randomBytes } from 'crypto';

import { AssociationKeys } from '../persistence/AssociationKeys';

/** How long after the first candidate was stored no instance can still be about to store another (see below). */
export const SECRET_SETTLES_AFTER_MS = 60 * 1000;

interface SecretCandidate {
    secret: string;
    createdAt: string;
}

const keys = () => [AssociationKeys.kind('installation-secret'), AssociationKeys.installationSecret()];

function isCandidate(record: unknown): record is SecretCandidate {
    const candidate = record as Partial<SecretCandidate> | undefined;
    return typeof candidate?.secret === 'string' && candidate.secret.length >= 64 && typeof candidate.createdAt === 'string';
}

/**
 * The per-installation secret that visitor tokens and signed file links are derived from (each
 * use with its own HMAC label): 32 random bytes the app
 * generates when it first needs them and keeps in its own persistence. Not the App Secret:
 * admins change that, and every derived token would change with it.
 *
 * App persistence has no atomic insert-if-absent, so two instances may both find no secret
 * and both store one. Every instance reads all candidates after storing its own and uses the
 * same winner (the lowest value), so they converge. Another candidate can only appear from an
 * instance that read "none" before the first one was stored; once the oldest candidate has
 * been stored for SECRET_SETTLES_AFTER_MS, the set is final and the winner is kept in memory.
 * Until then every use reads the candidates again (one keyed read).
 */
export class InstallationSecret {
    private settled?: string;

    constructor(private readonly now: () => number = Date.now) {}

    public async get(reader: IPersistenceRead, writer: IPersistence): Promise<string> {
        if (this.settled) {
            return this.settled;
        }
        let candidates = await this.candidates(reader);
        if (candidates.length === 0) {
            const fresh: SecretCandidate = { secret: randomBytes(32).toString('hex'), createdAt: new Date(this.now()).toISOString() };
            await writer.createWithAssociations(fresh, keys());
            candidates = await this.candidates(reader);
        }
        if (candidates.length === 0) {
            throw new Error('the installation secret could not be stored in app persistence');
        }
        return this.winnerOf(candidates);
    }

    /** The secret if this installation has made one already (a read only, none once settled: for checks and lookups that must change nothing). */
    public async stored(reader: IPersistenceRead): Promise<string | undefined> {
        if (this.settled) {
            return this.settled;
        }
        const candidates = await this.candidates(reader);
        return candidates.length === 0 ? undefined : this.winnerOf(candidates);
    }

    /** The lowest candidate, kept in memory once no instance can still be about to store another. */
    private winnerOf(candidates: ReadonlyArray<SecretCandidate>): string {
        const winner = candidates.reduce((lowest, candidate) => (candidate.secret < lowest.secret ? candidate : lowest));
        const oldest = Math.min(...candidates.map((candidate) => Date.parse(candidate.createdAt)));
        if (this.now() - oldest >= SECRET_SETTLES_AFTER_MS) {
            this.settled = winner.secret;
        }
        return winner.secret;
    }

    private async candidates(reader: IPersistenceRead): Promise<Array<SecretCandidate>> {
        return (await reader.readByAssociations(keys())).filter(isCandidate);
    }
}

/** The app process's one instance (the secret is the same for every call once settled). */
export const installationSecret = new InstallationSecret();
