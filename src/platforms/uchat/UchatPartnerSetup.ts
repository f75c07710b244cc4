import { IEnvironmentWrite, IHttp, ILogger, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { responseJson } from '../../http/responseJson';
import { AppSettings } from '../../settings/AppSettings';
import { SettingId } from '../../settings/SettingId';
import { siteUrl } from '../../settings/siteUrl';
import { isObject } from '../../validation/fields';
import { missingSettings, PartnerCallResult } from '../PartnerCallResult';
import { UchatWebhookSetupRequest } from './types';
import { UchatSetting } from './UchatSetting';

export const UCHAT_SETUP_INPUTS: ReadonlyArray<string> = [UchatSetting.PartnerApiUrl, UchatSetting.PartnerApiKey, UchatSetting.WorkspaceId, UchatSetting.VerificationKey];

/**
 * The optional one-step setup: sets this app's webhook in UChat through the partner API
 * (`POST {base}/api/partner/workspace/{id}/apichat-webhook`) and stores the `bot_url` UChat
 * answers in `uchat_bot_url`. The manual path (pasting bot_url) keeps working.
 */
export async function setUpUchatWebhook(read: IRead, http: IHttp, writer: IEnvironmentWrite, appId: string, logger: ILogger): Promise<PartnerCallResult> {
    const settings = AppSettings.from(read);
    const [base, key, workspace, verificationKey] = await Promise.all(UCHAT_SETUP_INPUTS.map((id) => settings.text(id as SettingId)));
    const fail = (error: string): PartnerCallResult => {
        logger.error(`uchat: webhook setup failed: ${error}`);
        return { ok: false, error };
    };
    const missing = missingSettings('uchat: webhook setup', UCHAT_SETUP_INPUTS, [base, key, workspace, verificationKey], logger);
    if (missing) {
        return missing;
    }
    const webhookUrl = `${await siteUrl(read)}/api/apps/public/${appId}/uchat`;
    const url = `${base.replace(/\/+$/, '')}/api/partner/workspace/${encodeURIComponent(workspace)}/apichat-webhook`;
    const request: UchatWebhookSetupRequest = { webhook_url: webhookUrl, webhook_verification_key: verificationKey };
    let response;
    try {
        response = await http.post(url, {
            headers: { 'Authorization': `Bearer ${key}`, 'Content-Type': 'application/json' },
            content: JSON.stringify(request),
            timeout: (await settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000,
        });
    } catch (error) {
        return fail(`no answer from UChat's partner API: ${error instanceof Error ? error.message : String(error)}`);
    }
    const json = responseJson(response);
    const data = isObject(json) && isObject(json.data) ? json.data : undefined;
    const botUrl = typeof data?.bot_url === 'string' ? data.bot_url : '';
    if (response.statusCode < 200 || response.statusCode >= 300 || !botUrl) {
        return fail(`UChat's partner API answered HTTP ${response.statusCode} ${botUrl ? '' : 'without a bot_url'}: ${(response.content ?? '').slice(0, 200)}`);
    }
    await writer.getSettings().updateValue(UchatSetting.BotUrl, botUrl);
    logger.info(`uchat: webhook ${webhookUrl} set in UChat (status ${String(data?.webhook_status ?? 'unknown')}); bot_url stored`);
    return { ok: true };
}
