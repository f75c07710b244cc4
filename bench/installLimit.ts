import { RapidProWorld } from '../test/support/RapidProWorld';
import { packageBenchApp } from './packageBenchApp';

/**
 * The limit (bench/limit-app, UNSAFE BY DESIGN), installed beside Tickets with a ticket of its
 * own: returns its contact message, one call (the least any app can do: one write, its tickets in
 * memory, an IPostMessageSent that returns at once). Both apps stay enabled, so every contact
 * message, Tickets' or the limit's, reaches both apps' event handlers, each returning at once for
 * the other's: the same work around both.
 */
export async function installLimit(world: RapidProWorld, call: (url: string, body: unknown) => Promise<void>): Promise<(i: number) => Promise<void>> {
    const limitId = await world.host.install(packageBenchApp('limit-app', 'LimitApp.ts'));
    const base = world.base.replace(world.appId, limitId);
    await call(`${base}/room`, { ticketID: 'limit-1' });
    return (i) => call(`${base}/visitor-message`, { ticketID: 'limit-1', text: `one at a time ${i}` });
}
