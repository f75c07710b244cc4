import { HostSchedulerBridge } from '../bridges/HostSchedulerBridge';
import { HostJobStore } from './HostJobStore';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a recurring job now, as time passing would: waits until no instance runs it, makes it
 * due, and has the given instances' Agendas poll at once (several polling at the same moment
 * race for its lock, as on a real cluster: one runs it). Resolves when a run started after the
 * call has finished, with the name of the instance that ran it (its Agenda's `lastModifiedBy`).
 */
export async function runJobNow(store: HostJobStore, pollers: ReadonlyArray<HostSchedulerBridge>, jobName: string, timeoutMs = 30000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const overdue = (what: string): Error => new Error(`timed out after ${timeoutMs} ms waiting for ${what} of the job ${jobName}`);
    let triggeredAt = new Date();
    while (!store.makeDueIfIdle(jobName, triggeredAt)) {
        if (store.find({ name: jobName, type: 'single' }).length === 0) {
            throw new Error(`no recurring job ${jobName}`);
        }
        if (Date.now() > deadline) {
            throw overdue('the end of a running run');
        }
        await pause(20);
        triggeredAt = new Date();
    }
    await Promise.all(pollers.map((scheduler) => scheduler.pollNow()));
    for (;;) {
        const [job] = store.find({ name: jobName, type: 'single' });
        const finished = job?.lastRunAt && job.lastRunAt.getTime() >= triggeredAt.getTime() && !job.lockedAt && job.lastFinishedAt && job.lastFinishedAt.getTime() >= job.lastRunAt.getTime();
        if (finished) {
            return job.lastModifiedBy ?? '';
        }
        if (Date.now() > deadline) {
            throw overdue('a run');
        }
        await pause(20);
    }
}
