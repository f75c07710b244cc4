import { IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppContext } from '../context/AppContext';
import { platformOf } from '../platforms/registry';
import { AppSettings } from '../settings/AppSettings';
import { BridgeEventApplier } from './BridgeEventApplier';
import { bridgeReadiness } from './bridgeReadiness';
import { PendingInboundEvents } from './PendingInboundEvents';

/** Scheduler processor id of the sweep that applies events kept while no agent was online. */
export const PENDING_INBOUND_JOB = 'bridge-pending-inbound';
export const PENDING_INBOUND_INTERVAL = '15 seconds';

/**
 * Applies every end user's kept events, oldest first, where Rocket.Chat now opens a room.
 * A source whose room is still refused (nobody online) is not tried again in this run;
 * a bridge switched off or not configured keeps its events for when it is back.
 */
export async function replayPendingInbound(appId: string, read: IRead, modify: IModify, http: IHttp, persistence: IPersistence, logger: ILogger): Promise<void> {
    const records = await new PendingInboundEvents(read.getPersistenceReader()).all();
    if (records.length === 0) {
        return;
    }
    const settings = AppSettings.from(read);
    const context: AppContext = { read, modify, http, persistence, settings, logger, appId };
    const waiting = new Set<string>();
    for (const record of [...records].sort((a, b) => a.since.localeCompare(b.since))) {
        const platform = platformOf(record.source);
        const inbound = platform?.inbound;
        if (!platform || !inbound || waiting.has(record.source)) {
            continue;
        }
        const readiness = await bridgeReadiness(inbound, settings);
        if (!readiness.enabled || readiness.missing.length > 0) {
            waiting.add(record.source);
            continue;
        }
        try {
            if ((await new BridgeEventApplier(context, platform, inbound).replayKept(record.visitorToken)) === 'no-agent') {
                waiting.add(record.source);
            }
        } catch (error) {
            logger.error(`${record.source}: kept events of ${record.visitorToken} could not be applied: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}
