import { IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { randomBytes } from 'crypto';
import { AssociationKeys } from '../persistence/AssociationKeys';

interface SecretRecord {
    secret: string;
}

const KEYS = [AssociationKeys.kind('installation-secret'), AssociationKeys.installationSecret()];

function chosen(records: Array<Partial<SecretRecord>>): string | undefined {
    const secrets = records.map((record) => record.secret).filter((secret): secret is string => typeof secret === 'string' && secret.length >= 32);
    return secrets.sort()[0];
}

/**
 * A random 256-bit secret this installation generates on first use and keeps in app
 * persistence: not the App Secret (admins change that), never shown, never logged. It keys the
 * HMACs that must stay valid for the installation's life (signed file links; give every other
 * use its own HMAC label). Reinstalling the app (which clears its persistence) makes a new one.
 *
 * Two instances creating it at the same moment both store one; every reader then takes the
 * smallest, so all instances agree from then on.
 */
export async function installationSecret(reader: IPersistenceRead, persistence: IPersistence): Promise<string> {
    const existing = await storedInstallationSecret(reader);
    if (existing) {
        return existing;
    }
    const record: SecretRecord = { secret: randomBytes(32).toString('hex') };
    await persistence.createWithAssociations(record, KEYS);
    return chosen((await reader.readByAssociations(KEYS)) as Array<Partial<SecretRecord>>) ?? record.secret;
}

/** The secret if this installation has made one already (a read only: for checks that must change nothing). */
export async function storedInstallationSecret(reader: IPersistenceRead): Promise<string | undefined> {
    return chosen((await reader.readByAssociations(KEYS)) as Array<Partial<SecretRecord>>);
}
