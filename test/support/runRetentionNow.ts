import { LocalRocketChat } from '../host/LocalRocketChat';
import { waitFor } from './waitFor';

const DAILY = 'retention-daily';
const PURGE = 'retention-purge';

/**
 * The retention job's day has come: the daily job's next run is moved to now in the scheduler's
 * collection (as the passing of its 24 hours would), and this resolves once that run is over and
 * the purge it armed has finished (the purge removes its own job once nothing more is due).
 */
export async function runRetentionNow(host: LocalRocketChat, appId: string, timeoutMs = 60000): Promise<void> {
    const job = (name: string) => host.scheduledJobs(appId).find((candidate) => candidate.name === name);
    // A purge still running from an earlier arming could end before it saw what the test just did.
    await waitFor('no purge running', () => job(PURGE) === undefined, timeoutMs);
    const daily = await waitFor('the daily retention job, idle', () => {
        const found = job(DAILY);
        return found && !found.lockedAt && found;
    });
    const before = daily.lastFinishedAt?.getTime() ?? 0;
    host.store.schedulerJobs.update(daily.id, { nextRunAt: new Date() });
    await waitFor('the daily retention job run', () => (job(DAILY)?.lastFinishedAt?.getTime() ?? 0) > before, 15000);
    await waitFor('the purge over', () => job(PURGE) === undefined, timeoutMs);
}
