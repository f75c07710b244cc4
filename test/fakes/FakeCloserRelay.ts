import { createHmac, timingSafeEqual } from 'crypto';

import { DEMO } from './demoCredentials';
import { RecordingServer } from './RecordingServer';

export const CLOSER_RELAY_PATH = '/closer-relay';

/**
 * The CLOSER reply relay of the README ("The reply relay format") on loopback: it checks
 * `X-Tickets-Signature` over the raw body with the relay secret, answers 401 to a bad one and
 * 200 otherwise.
 */
export class FakeCloserRelay extends RecordingServer {
    constructor(private readonly secret: string = DEMO.closerReplySecret) {
        super({ status: 200, body: { ok: true } });
        this.route(CLOSER_RELAY_PATH, (request) => {
            if (this.behaviour.kind !== 'ok') {
                return undefined;
            }
            const expected = Buffer.from(`sha256=${createHmac('sha256', this.secret).update(request.raw).digest('hex')}`);
            const given = Buffer.from(String(request.headers['x-tickets-signature'] ?? ''));
            if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
                return { status: 401, body: { error: 'bad signature' } };
            }
            return { status: 200, body: { ok: true } };
        });
    }
}
