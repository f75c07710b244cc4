import { ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { SourceStatsStore } from '../stats/SourceStatsStore';
import { nextDue } from './conversationHeads';
import { LaneScheduler } from './LaneScheduler';
import { OutboxStore } from './OutboxStore';

/**
 * The recurring safety net: every lane with an item due is armed (a no-op for a lane whose job
 * is there). That covers items whose retry is further away than a lane keeps its job, lanes
 * whose job was lost (the app was disabled when it came due), and restarts. It sends nothing
 * itself, so it never holds a job name for long.
 */
export async function sweepOutbox(read: IRead, persistence: IPersistence, modify: IModify, logger: ILogger, sources: ReadonlyArray<string>, now = new Date()): Promise<void> {
    const reader = read.getPersistenceReader();
    await new SourceStatsStore(reader, persistence).flush();
    const items = await new OutboxStore(reader).allWaiting();
    const lanes = new LaneScheduler(modify);
    for (const source of sources) {
        const due = nextDue(items.filter((item) => item.source === source));
        if (due && due.getTime() <= now.getTime()) {
            logger.debug(`${source}: outbox items are due; lane armed`);
            await lanes.arm(source);
        }
    }
}
