import { RapidProWorld } from '../test/support/RapidProWorld';
import { packageBenchApp } from './packageBenchApp';
import { LatencySummary, sequentialBest } from './stats';

/**
 * The limit (bench/limit-app, UNSAFE BY DESIGN): contact messages posted one at a time by an app
 * that does the least any app can (one write, its tickets in memory, an IPostMessageSent that
 * returns at once). Tickets is disabled first, so that only the limit app's event handler runs
 * for its messages, as only Tickets' runs for Tickets' own: run it last, Tickets stays disabled.
 */
export async function measureLimit(world: RapidProWorld, call: (url: string, body: unknown) => Promise<void>, messages: number): Promise<LatencySummary> {
    const limitId = await world.host.install(packageBenchApp('limit-app', 'LimitApp.ts'));
    await world.host.disable(world.appId);
    const base = world.base.replace(world.appId, limitId);
    await call(`${base}/room`, { ticketID: 'limit-1' });
    return sequentialBest(messages, 3, (i) => call(`${base}/visitor-message`, { ticketID: 'limit-1', text: `one at a time ${i}` }));
}
