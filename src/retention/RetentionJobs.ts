/**
 * Scheduler processor ids and timing of the retention job. The daily job only arms the purge:
 * one recurring job (one document, run by one instance at a time), which forgets finished
 * conversations in runs of at most RUN_BUDGET_MS, a minute apart, and removes itself once
 * nothing more is due. So the purge never runs on two instances at once, and a backlog (the
 * first runs after an upgrade, a shorter `retention_days`) is worked off in short runs.
 */
export const RETENTION_DAILY_JOB = 'retention-daily';

export const RETENTION_DAILY_INTERVAL = '24 hours';

export const RETENTION_PURGE_JOB = 'retention-purge';

export const RETENTION_TIMING = {
    /** The purge runs this often while work is left (Agenda's human interval). */
    PURGE_INTERVAL: '1 minute',
    /** A run starts forgetting no conversation later than this (Rocket.Chat gives every call into an app 30 s). */
    RUN_BUDGET_MS: 10_000,
};
