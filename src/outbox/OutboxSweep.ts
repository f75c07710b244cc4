import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { nextDue } from './conversationHeads';
import { covers, LaneScheduler } from './LaneScheduler';
import { LaneStateStore } from './LaneStateStore';
import { OutboxStore } from './OutboxStore';
import { SourceStatsStore } from '../stats/SourceStatsStore';

/**
 * The recurring safety net: a lane with waiting items and no run armed (or a run that never
 * came: its instance stopped, or the app was disabled when it was due) is armed again. It
 * sends nothing itself, so it never holds a job name for long.
 */
export async function sweepOutbox(read: IRead, persistence: IPersistence, modify: IModify, logger: ILogger, sources: ReadonlyArray<string>, now = new Date()): Promise<void> {
    const reader = read.getPersistenceReader();
    await new SourceStatsStore(reader, persistence).flush();
    const [items, states] = await Promise.all([new OutboxStore(reader).allWaiting(), new LaneStateStore(reader).all()]);
    const lanes = new LaneScheduler(reader, persistence, modify, () => now);
    for (const source of sources) {
        const due = nextDue(items.filter((item) => item.source === source));
        if (!due) {
            continue;
        }
        const when = due.getTime() < now.getTime() ? now : due;
        if (!covers(states.get(source), when, now)) {
            logger.debug(`${source}: outbox items wait with no delivery run armed; arming one for ${when.toISOString()}`);
            await lanes.arm(source, when);
        }
    }
}
