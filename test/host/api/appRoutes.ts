import { createHmac } from 'crypto';

import { engineProfile } from '../engineProfile';
import { matchEndpoint } from '../matchEndpoint';
import { HostApiContext } from './HostApiContext';
import { HostApiError } from './HostApiError';
import { bodyObject, HostInput, optionalString, requiredString } from './hostInput';
import { answer, HostRoute } from './HostRoute';

/** Whose credentials `POST /host/app-call` puts on a call, as that caller sends them. */
const CALLERS = ['rapidpro', 'chatday', 'gitple', 'closer'] as const;
type Caller = typeof CALLERS[number];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

interface SignedCall {
    headers: Record<string, string>;
    query: Record<string, string>;
}

function stringRecord(input: HostInput, field: string): Record<string, string> {
    const value = input[field];
    if (value === undefined || value === null) {
        return {};
    }
    if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((item) => typeof item !== 'string')) {
        throw HostApiError.badRequest(`"${field}" must be an object of strings`);
    }
    return value as Record<string, string>;
}

/**
 * The app's own endpoints and the console's view of the app: which app runs on which engine,
 * calls to its endpoints with a caller's credentials taken from the app's settings on the server
 * (so the browser never holds a secret), and a login for the console's agent (file links need one).
 */
export function appRoutes(context: HostApiContext): Array<HostRoute> {
    const { host } = context;
    const setting = async (id: string): Promise<string> => String((await host.settingValue(context.appId(), id)) ?? '');
    /** Credentials as each caller sends them (README, "Connecting …" and "Try … in the playground"). */
    const sign = async (caller: Caller, body: unknown): Promise<SignedCall> => {
        switch (caller) {
            case 'rapidpro':
                return { headers: { authorization: `Token ${await setting('app_secret')}` }, query: {} };
            case 'chatday':
                return { headers: { 'x-chatday-signature-token': await setting('chatday_signature_token') }, query: {} };
            case 'gitple':
                // Gitple signs the bytes it sends; Rocket.Chat hands the app the parsed JSON, which the app serialises compactly again.
                return { headers: { 'x-hub-signature': `sha256=${createHmac('sha256', await setting('gitple_event_secret')).update(JSON.stringify(body ?? {})).digest('hex')}` }, query: {} };
            case 'closer':
                return { headers: {}, query: { token: await setting('closer_webhook_token') } };
        }
    };
    return [
        {
            method: 'GET', path: '/host/app', summary: 'the installed app: id, status, engine version, instances, its endpoints',
            handle: async () => answer(200, {
                id: context.appId(),
                status: await host.appStatus(context.appId()),
                engine: engineProfile.version,
                instances: host.instanceCount,
                endpoints: [...host.endpointPaths(context.appId())].sort(),
            }),
        },
        {
            method: 'POST', path: '/host/app-call',
            summary: 'call an app endpoint with a caller\'s credentials from the app\'s settings: {"as":"rapidpro|chatday|gitple|closer","method":"POST","path":"visitor-message","body":{…},"query":{…}} → {"status","body"} as the app answered',
            handle: async ({ body }) => {
                const input = bodyObject(body);
                const caller = requiredString(input, 'as');
                if (!(CALLERS as ReadonlyArray<string>).includes(caller)) {
                    throw HostApiError.badRequest(`"as" must be one of ${CALLERS.join(', ')}`);
                }
                const method = (optionalString(input, 'method') ?? 'POST').toUpperCase();
                if (!(METHODS as ReadonlyArray<string>).includes(method)) {
                    throw HostApiError.badRequest(`"method" must be one of ${METHODS.join(', ')}`);
                }
                const path = requiredString(input, 'path');
                const endpoint = matchEndpoint(host.endpointPaths(context.appId()), path.replace(/^\/+/, ''));
                if (endpoint === undefined || endpoint === 'decodeError') {
                    throw HostApiError.notFound(`the app has no endpoint "${path}" (GET /host/app lists them)`);
                }
                const query = stringRecord(input, 'query');
                const content = input.body ?? {};
                const signed = await sign(caller as Caller, content);
                const answered = await host.callApi(context.appId(), {
                    method,
                    path: endpoint.path,
                    params: endpoint.params,
                    headers: { 'content-type': 'application/json', ...signed.headers },
                    query: { ...query, ...signed.query },
                    body: content,
                });
                return answer(200, { status: answered.status, body: answered.content ?? null });
            },
        },
        {
            method: 'POST', path: '/host/login', summary: 'log a user in as Rocket.Chat\'s web client does {"username":"agent"}: sets the rc_uid and rc_token cookies (file links open with them)',
            handle: ({ body }) => {
                const user = context.user(requiredString(bodyObject(body), 'username'));
                const { userId, authToken } = host.login(user.username);
                const cookie = (name: string, value: string): string => `${name}=${encodeURIComponent(value)}; Path=/; SameSite=Strict`;
                return { ...answer(200, { userId, username: user.username }), headers: { 'set-cookie': [cookie('rc_uid', userId), cookie('rc_token', authToken)] } };
            },
        },
    ];
}
