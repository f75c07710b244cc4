import { IEnvironmentWrite, IHttp, ILogger } from '@rocket.chat/apps-engine/definition/accessors';

import { AppSettings } from '../../settings/AppSettings';
import { SettingId } from '../../settings/SettingId';
import { missingSettings, PartnerCallResult } from '../PartnerCallResult';
import { ChatdaySetting } from './ChatdaySetting';
import { signatureTokenFrom } from './signatureTokenFrom';

/**
 * Registers with Chatday: `GET <register url>` with `Authorization: Bearer <Chatday-Token>`;
 * the signature token it answers is stored in `chatday_signature_token`. Logs the outcome
 * (never a token).
 */
export async function registerWithChatday(http: IHttp, settings: AppSettings, writer: IEnvironmentWrite, logger: ILogger): Promise<PartnerCallResult> {
    const [url, token] = await Promise.all([settings.text(ChatdaySetting.RegisterUrl), settings.text(ChatdaySetting.Token)]);
    const fail = (error: string): PartnerCallResult => {
        logger.error(`chatday: registration failed: ${error}`);
        return { ok: false, error };
    };
    const missing = missingSettings('chatday: registration', [ChatdaySetting.Token, ChatdaySetting.RegisterUrl], [token, url], logger);
    if (missing) {
        return missing;
    }
    const timeoutMs = (await settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000;
    let response;
    try {
        response = await http.get(url, { headers: { Authorization: `Bearer ${token}` }, timeout: timeoutMs });
    } catch (error) {
        return fail(`no answer from ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
        return fail(`${url} answered HTTP ${response.statusCode}: ${(response.content ?? '').slice(0, 200)}`);
    }
    const signatureToken = signatureTokenFrom(response);
    if (!signatureToken) {
        return fail(`${url} answered HTTP ${response.statusCode} without a signature token (looked in JSON fields and headers)`);
    }
    await writer.getSettings().updateValue(ChatdaySetting.SignatureToken, signatureToken);
    logger.info('chatday: registered; signature token stored in chatday_signature_token');
    return { ok: true };
}
