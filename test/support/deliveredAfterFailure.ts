import { BridgeWorld } from './BridgeWorld';
import { waitFor } from './waitFor';

/**
 * The platform answers `status` while `texts` are written in Rocket.Chat, then recovers:
 * returns what it accepted for them (2xx answers that reached the app) once the outbox is
 * idle, i.e. when nothing more will be sent.
 */
export async function deliveredAfterFailure(world: BridgeWorld, status: number, texts: Array<string>, write: (text: string) => void, arrived: () => Array<string>): Promise<Array<string>> {
    const failedBefore = world.platform.attempts.filter((attempt) => attempt.status === status).length;
    world.platform.behaviour = { kind: 'status', status };
    texts.forEach(write);
    await world.host.events.settle();
    await waitFor(`an attempt answered ${status}`, () => world.platform.attempts.filter((attempt) => attempt.status === status).length > failedBefore);
    world.platform.behaviour = { kind: 'ok' };
    await waitFor(`${texts.length} deliveries`, () => arrived().length >= texts.length, 20000);
    await world.outboxIdle();
    return arrived();
}
