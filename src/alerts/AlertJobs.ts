/**
 * The alert job: one recurring scheduler job. Agenda keeps a recurring job as a single document
 * and locks it to one instance while it runs, so with several Rocket.Chat instances the
 * conditions are evaluated one run at a time and each alert is posted once.
 */
export const ALERTS_JOB = 'alerts';

/** How often the conditions are evaluated: a parked delivery reaches the alert room within this. */
export const ALERTS_INTERVAL = '30 seconds';
