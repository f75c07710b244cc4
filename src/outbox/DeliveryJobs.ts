/**
 * Scheduler processor ids of the outbox. Rocket.Chat's Agenda runs one job of a given name at
 * a time per instance, and a job of a busy name waiting in its queue holds up every other job
 * of that instance. So every source has its own lane: one recurring job (one document, run by
 * one instance at a time; see LaneScheduler).
 */
const LANE_JOB_PREFIX = 'outbox-lane-';

/** The job name of one source's delivery lane. */
export function laneJob(source: string): string {
    return `${LANE_JOB_PREFIX}${source}`;
}

/** Recurring safety net: re-arms lanes whose items wait with no run coming (also after a restart). */
export const SWEEP_JOB = 'outbox-sweep';

export const SWEEP_INTERVAL = '15 seconds';
