import { FAKE_PLATFORMS, FakePlatformName } from '../../fakes/fakePlatformPorts';
import { FakePlatforms } from '../../fakes/FakePlatforms';
import { Attempt, RecordingServer } from '../../fakes/RecordingServer';
import { HostApiError } from './HostApiError';
import { bodyObject, queryCount } from './hostInput';
import { answer, HostRoute } from './HostRoute';

/** How much of a received body the API shows. */
const SHOWN_BODY = 4000;

function attemptView(attempt: Attempt): object {
    const { request } = attempt;
    const query = request.query.toString();
    return {
        at: new Date(request.at).toISOString(),
        method: request.method,
        path: `${request.path}${query ? `?${query}` : ''}`,
        status: attempt.status ?? null,
        outcome: attempt.answer,
        body: request.raw.length > SHOWN_BODY ? `${request.raw.slice(0, SHOWN_BODY)}… [cut: ${request.raw.length} characters in all]` : request.raw,
    };
}

function receiverView(name: FakePlatformName, fake: RecordingServer, limit: number): object {
    return {
        platform: name,
        origin: fake.origin,
        answering: fake.behaviour.kind === 'status' ? fake.behaviour.status : fake.behaviour.kind === 'hang' ? `hangs ${fake.behaviour.ms} ms` : 'normally',
        received: fake.attempts.length,
        requests: fake.attempts.slice(-limit).map(attemptView),
    };
}

/**
 * What the fake platforms the playground runs in its own process received (`npm start` without
 * `FAKES=0`), and how they answer: normally (checking the demo credentials) or every request
 * with one failing status, to see the app retry and park.
 */
export function receiverRoutes(fakes: FakePlatforms | undefined): Array<HostRoute> {
    const running = (): FakePlatforms => {
        if (!fakes) {
            throw HostApiError.notFound('the fake platforms do not run in this playground (FAKES=0, or their ports were taken): `npm run fake-platforms` prints what they receive');
        }
        return fakes;
    };
    const platform = (name: string): FakePlatformName => {
        if (!(FAKE_PLATFORMS as ReadonlyArray<string>).includes(name)) {
            throw HostApiError.notFound(`no fake platform "${name}"; there are ${FAKE_PLATFORMS.join(', ')}`);
        }
        return name as FakePlatformName;
    };
    return [
        {
            method: 'GET', path: '/host/receivers', summary: 'what each fake platform received, oldest first (?limit=<newest n>, default 100), and how it answers',
            handle: ({ query }) => {
                const limit = queryCount(query, 'limit', 100, 10000);
                const all = running();
                return answer(200, FAKE_PLATFORMS.map((name) => receiverView(name, all.byName(name), limit)));
            },
        },
        {
            method: 'PUT', path: '/host/receivers/:platform/answer', summary: 'how a fake platform answers from now on: {"status":200} normally, {"status":503} (any 4xx or 5xx) every request with that status',
            handle: ({ params, body }) => {
                const name = platform(params.platform);
                const status = bodyObject(body).status;
                if (typeof status !== 'number' || !(status === 200 || (Number.isInteger(status) && status >= 400 && status <= 599))) {
                    throw HostApiError.badRequest('"status" must be 200 (answer normally) or a failing status from 400 to 599');
                }
                const fake = running().byName(name);
                fake.behaviour = status === 200 ? { kind: 'ok' } : { kind: 'status', status, body: { error: `the playground made the fake ${name} answer ${status}` } };
                return answer(200, receiverView(name, fake, 0));
            },
        },
    ];
}
