import { PersistenceRecord } from '../host/HostStore';
import { LocalRocketChat } from '../host/LocalRocketChat';

const HOUR_MS = 3600 * 1000;

/**
 * Makes the installation an hour old, as every installation is after its first minute: the
 * app's stored installation-secret candidates are dated an hour back (in the host's database),
 * so the app settles the secret in memory at its next use instead of reading it on every use
 * (InstallationSecret). Returns how many candidates there were (0: the app has made none yet).
 */
export function ageInstallationSecret(host: LocalRocketChat): number {
    const records = installationSecretRecords(host);
    for (const record of records) {
        const data = record.data as { createdAt?: string };
        data.createdAt = new Date(Date.parse(data.createdAt ?? new Date().toISOString()) - HOUR_MS).toISOString();
    }
    return records.length;
}

/** The app's installation-secret candidates in the host's database, as an operator could read them. */
export function installationSecretRecords(host: LocalRocketChat): Array<PersistenceRecord> {
    return [...host.store.persistence.values()].filter((record) => record.associations.some((association) => (association as unknown as { id: string }).id === 'installation-secret'));
}
