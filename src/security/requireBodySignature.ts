import { headerValue } from '../http/headerValue';
import { HttpError } from '../http/HttpError';
import { AppSettings } from '../settings/AppSettings';
import { verifyBodySignature } from './verifyBodySignature';

/** Throws 401 unless the `sha256=` HMAC in `headerName` matches the body signed with the secret in `secretSetting`. */
export async function requireBodySignature(headers: Record<string, unknown>, body: unknown, headerName: string, secretSetting: string, settings: AppSettings): Promise<void> {
    const header = headerValue(headers, headerName);
    if (header === '') {
        throw HttpError.unauthorized(`missing ${headerName} header`);
    }
    if (!verifyBodySignature(header, body, await settings.text(secretSetting))) {
        throw HttpError.unauthorized(`${headerName} does not match the body signed with ${secretSetting}`);
    }
}
