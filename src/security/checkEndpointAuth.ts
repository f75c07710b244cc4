import { headerValue } from '../http/headerValue';
import { HttpError } from '../http/HttpError';
import { RequestContext } from '../http/RequestContext';
import { requireAppSecret } from './AppSecretGuard';
import { constantTimeEqual } from './constantTimeEqual';
import { EndpointAuth } from './EndpointAuth';
import { requireBodySignature } from './requireBodySignature';

const BEARER = /^Bearer\s+(\S.*)$/i;

/** Throws the endpoint's 401 (or 503 when its secret is unset) unless the request proves what `auth` asks for. */
export async function checkEndpointAuth(auth: EndpointAuth, { request, settings }: RequestContext): Promise<void> {
    switch (auth.kind) {
        case 'app-secret':
            await requireAppSecret(request.headers, settings);
            return;
        case 'signature':
            await requireBodySignature(request.headers, request.content, auth.header, auth.secretSetting, settings);
            return;
        case 'token': {
            const header = headerValue(request.headers, auth.header).trim();
            const query = auth.query ? request.query?.[auth.query] : undefined;
            const given = header !== '' ? header : typeof query === 'string' ? query.trim() : '';
            if (given === '') {
                throw HttpError.unauthorized(auth.query
                    ? `missing token: add ?${auth.query}=<${auth.setting}> to the webhook URL or send the ${auth.header} header`
                    : `missing ${auth.header} header`);
            }
            if (!constantTimeEqual(given, await settings.text(auth.setting))) {
                throw HttpError.unauthorized(`${auth.query ? 'the token' : auth.header} does not match ${auth.secretName ?? auth.setting}`);
            }
            return;
        }
        case 'bearer': {
            const authorization = headerValue(request.headers, 'authorization').trim();
            if (authorization === '') {
                throw HttpError.unauthorized(`missing Authorization header: send "Authorization: Bearer <${auth.setting}>"`);
            }
            const match = BEARER.exec(authorization);
            if (!match) {
                throw HttpError.unauthorized(`the Authorization header must be "Bearer <${auth.setting}>"`);
            }
            if (!constantTimeEqual(match[1].trim(), await settings.text(auth.setting))) {
                throw HttpError.unauthorized(`the bearer token does not match ${auth.setting}`);
            }
            return;
        }
        case 'none':
            return;
    }
}
