import { headerValue } from '../http/headerValue';
import { HttpError } from '../http/HttpError';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { constantTimeEqual } from './constantTimeEqual';

const TOKEN_HEADER = /^Token\s+(\S.*)$/i;

/** Checks `Authorization: Token <app_secret>`; throws an HttpError otherwise. */
export async function requireAppSecret(headers: Record<string, unknown>, settings: AppSettings): Promise<void> {
    const secret = await settings.text(SettingId.AppSecret);
    if (secret === '') {
        throw HttpError.notConfigured('the App Secret is not set: an administrator must set it under Administration > Apps > Tickets > App Secret');
    }
    const authorization = headerValue(headers, 'authorization').trim();
    if (authorization === '') {
        throw HttpError.unauthorized('missing Authorization header: send "Authorization: Token <App Secret>"');
    }
    const match = TOKEN_HEADER.exec(authorization);
    if (!match) {
        throw HttpError.unauthorized('the Authorization header must be "Token <App Secret>"');
    }
    if (!constantTimeEqual(match[1].trim(), secret)) {
        throw HttpError.unauthorized('the token does not match the App Secret configured in Rocket.Chat');
    }
}
