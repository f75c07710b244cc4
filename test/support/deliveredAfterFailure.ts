import { BridgeWorld } from './BridgeWorld';
import { sleep, waitFor } from './waitFor';

/**
 * The platform answers `status` while `texts` are written in Rocket.Chat, then recovers:
 * returns what it received for them, once each, after waiting long enough to see a duplicate.
 */
export async function deliveredAfterFailure(world: BridgeWorld, status: number, texts: Array<string>, write: (text: string) => void, arrived: () => Array<string>): Promise<Array<string>> {
    world.platform.behaviour = { kind: 'status', status };
    texts.forEach(write);
    await world.host.events.settle();
    await sleep(1500);
    world.platform.behaviour = { kind: 'ok' };
    await waitFor(`${texts.length} deliveries`, () => arrived().length >= texts.length, 20000);
    await sleep(1000);
    return arrived();
}
