import { IModify, IPersistence, IPersistenceRead } from '@rocket.chat/apps-engine/definition/accessors';
import { appMutex } from '../concurrency/KeyedMutex';
import { laneJob } from './DeliveryJobs';
import { LaneState, LaneStateStore } from './LaneStateStore';
import { LANE_TIMING } from './laneTiming';

/** Whether the lane's state already promises a run that looks at the outbox no later than `when`. */
export function covers(state: LaneState | undefined, when: Date, now: Date): boolean {
    if (!state?.armedFor) {
        return false;
    }
    const armedFor = Date.parse(state.armedFor);
    return armedFor <= when.getTime() && armedFor + LANE_TIMING.RUN_WINDOW_MS > now.getTime();
}

/** A lane's next run is never armed closer than this, so it does not wait in Agenda's queue behind the run arming it. */
const MIN_DELAY_AFTER_RUN_MS = 500;

/**
 * Arms the delivery lanes: one pending job per lane. Enqueueing asks for a run (a keyed read,
 * and a job plus a write only when no run is armed or running for that time); a run ends by
 * arming the next one, at the earliest time an item of the lane is due.
 */
export class LaneScheduler {
    private readonly lanes: LaneStateStore;

    constructor(reader: IPersistenceRead, persistence: IPersistence, private readonly modify: IModify, private readonly now: () => Date = () => new Date()) {
        this.lanes = new LaneStateStore(reader, persistence);
    }

    /**
     * Makes sure a run of the source's lane looks at the outbox no later than `when` (from within
     * a run of that lane, `afterRun`: not before the run is over).
     */
    public async arm(source: string, when: Date, options: { afterRun?: boolean } = {}): Promise<void> {
        await appMutex.run(lockKey(source), async () => {
            const state = await this.lanes.get(source);
            if (!covers(state, when, this.now())) {
                await this.schedule(source, options.afterRun ? this.afterRun(when) : when, state);
            }
        });
    }

    /** A run of the lane ends: the next one at `next` (the earliest item due), or none. */
    public async finish(source: string, next: Date | undefined): Promise<void> {
        await appMutex.run(lockKey(source), async () => {
            if (next) {
                await this.schedule(source, this.afterRun(next), undefined);
            } else {
                await this.lanes.set({ source });
            }
        });
    }

    private afterRun(when: Date): Date {
        const soonest = this.now().getTime() + MIN_DELAY_AFTER_RUN_MS;
        return when.getTime() < soonest ? new Date(soonest) : when;
    }

    private async schedule(source: string, when: Date, previous: LaneState | undefined): Promise<void> {
        const scheduler = this.modify.getScheduler();
        if (previous?.jobId && previous.armedFor && Date.parse(previous.armedFor) > this.now().getTime()) {
            // A job armed for later is superseded by this earlier one: one pending job per lane.
            // (Should this stop before the new job is armed, the sweep arms the lane again.)
            await scheduler.cancelJob(previous.jobId);
        }
        const jobId = await scheduler.scheduleOnce({ id: laneJob(source), when, data: { source } });
        await this.lanes.set({ source, armedFor: when.toISOString(), jobId: typeof jobId === 'string' ? jobId : undefined });
    }
}

function lockKey(source: string): string {
    return `outbox-lane:${source}`;
}
