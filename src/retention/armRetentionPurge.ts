import { Job } from '../scheduler/Job';
import { RETENTION_PURGE_JOB, RETENTION_TIMING } from './RetentionJobs';

/** The daily retention job: arms the purge (one scheduler call; an armed purge is left as it is). */
export const armRetentionPurge: Job = async (_app, _context, _read, modify) => {
    await modify.getScheduler().scheduleRecurring({ id: RETENTION_PURGE_JOB, interval: RETENTION_TIMING.PURGE_INTERVAL, skipImmediate: false });
};
