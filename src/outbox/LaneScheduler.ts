import { IModify } from '@rocket.chat/apps-engine/definition/accessors';

import { laneJob } from './DeliveryJobs';
import { LANE_TIMING } from './laneTiming';

/**
 * Arms and disarms the delivery lanes. A lane is one recurring scheduler job per source: Agenda
 * keeps a recurring job as a single document per name and locks a document to one instance
 * while it runs, so with several Rocket.Chat instances a lane still runs on one instance at a
 * time and no item is sent twice by two instances. (One-time jobs would not do: each call
 * makes a new document, and two documents of one name may run on two instances at once.)
 *
 * Arming is one scheduler call: it creates the job, due at once, or leaves the existing one as
 * it is (its next run comes within LANE_TIMING.INTERVAL). A run that leaves nothing due soon
 * disarms the lane (see LaneRunner); the sweep arms a lane again when an item becomes due.
 */
export class LaneScheduler {
    constructor(private readonly modify: IModify) {}

    /** Makes sure the source's lane runs: at once if it is idle, else at its next interval. */
    public async arm(source: string): Promise<void> {
        await this.modify.getScheduler().scheduleRecurring({ id: laneJob(source), interval: LANE_TIMING.INTERVAL, skipImmediate: false, data: { source } });
    }

    /** Removes the lane's job (called by the lane's own run, which then looks once more for items queued meanwhile). */
    public async disarm(source: string): Promise<void> {
        await this.modify.getScheduler().cancelJob(laneJob(source));
    }
}
