import { contextOf } from '../context/contextOf';
import { Job } from '../scheduler/Job';
import { RETENTION_PURGE_JOB } from './RetentionJobs';
import { RetentionPurge } from './RetentionPurge';

/** One run of the purge; the run that finds nothing more due removes the purge's job until the next daily run arms it. */
export const runRetentionPurge: Job = async (app, _context, read, modify, http, persistence) => {
    const outcome = await new RetentionPurge(contextOf(app, read, modify, http, persistence)).run();
    if (outcome.done) {
        await modify.getScheduler().cancelJob(RETENTION_PURGE_JOB);
    }
};
