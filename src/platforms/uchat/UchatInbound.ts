import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { InboundEvent } from '../../bridges/InboundEvent';
import { ConversationService } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { constantTimeEqual } from '../../security/constantTimeEqual';
import { EndpointAuth } from '../../security/EndpointAuth';
import { bodyObject, isObject, optionalText, requiredText } from '../../validation/fields';
import { PlatformInbound } from '../PlatformInbound';
import { handoverWords } from './handoverWords';
import { renderUchatReply } from './renderUchatReply';
import { UchatSetting } from './UchatSetting';

export const UCHAT_SOURCE = 'uchat';
export const UCHAT_LABEL = 'UChat';

/** `hub_mode`, `hub.mode`… from the query, a form or a JSON body (UChat's verification may use any). */
function hubField(context: RequestContext, name: string): string | undefined {
    const sources = [context.request.query ?? {}, isObject(context.request.content) ? context.request.content : {}];
    for (const source of sources) {
        for (const key of [`hub_${name}`, `hub.${name}`]) {
            const value = (source as Record<string, unknown>)[key];
            if (typeof value === 'string' || typeof value === 'number') {
                return String(value);
            }
        }
    }
    return undefined;
}

/**
 * UChat's API Chat webhook: the hub verification, then the UChat bot's (and UChat agents')
 * replies signed with X-Hub-Signature-256, posted to the visitor by the app's bot user.
 */
export class UchatInbound implements PlatformInbound {
    public readonly path = 'uchat';
    public readonly methods = ['get', 'post'] as const;
    public readonly enabledSetting = UchatSetting.Enabled;
    public readonly requiredSettings = [UchatSetting.VerificationKey, UchatSetting.BotUrl, UchatSetting.FlowApiKey, UchatSetting.Department];
    public readonly departmentSetting = UchatSetting.Department;
    public readonly handoverDepartmentSetting = UchatSetting.HandoverDepartment;
    /** UChat's hub verification may come as a form. */
    public readonly acceptsFormBodies = true;
    public readonly servesWidgetVisitors = true;

    /** `hub_mode=subscribe` with the right `hub_verify_token` → 200 with the challenge as plain text; wrong → 403. */
    public async preflight(context: RequestContext): Promise<IApiResponse | undefined> {
        const mode = hubField(context, 'mode');
        if (mode === undefined) {
            return undefined;
        }
        const token = hubField(context, 'verify_token') ?? '';
        const challenge = hubField(context, 'challenge') ?? '';
        const key = await context.settings.text(UchatSetting.VerificationKey);
        if (mode !== 'subscribe' || !constantTimeEqual(token, key)) {
            throw HttpError.forbidden('hub verification refused: hub_mode must be "subscribe" and hub_verify_token must match uchat_verification_key');
        }
        context.logger.info('uchat: webhook verified');
        return { status: 200, headers: { 'content-type': 'text/plain' }, content: challenge };
    }

    public readonly auth: EndpointAuth = { kind: 'signature', header: 'X-Hub-Signature-256', secretSetting: UchatSetting.VerificationKey };

    public async parse(context: RequestContext): Promise<Array<InboundEvent>> {
        const body = bodyObject(context.request.content);
        const token = requiredText(body, 'sender_id', 'sender_id', 200);
        if ((optionalText(body, 'message_type', 'message_type', 50) ?? 'outgoing') !== 'outgoing') {
            return [];
        }
        const rendered = renderUchatReply(body);
        const words = handoverWords(await context.settings.text(UchatSetting.HandoverPayloads));
        const name = await new ConversationService(context).visitorName(token);
        return [{
            type: 'bot-reply',
            eventId: optionalText(body, 'id', 'id', 200) ?? optionalText(body, 'message_id', 'message_id', 200),
            visitorToken: token,
            ...rendered,
            private: body.private === true || body.private === 'true' || body.private === 1,
            handover: body.handover === true || words.includes(rendered.text.trim().toLowerCase()),
            opensRoomFrom: name !== undefined ? { visitor: { token, name }, platformConversation: `uchat-${token}`, externalIds: {} } : undefined,
        }];
    }

    public answer(): IApiResponse {
        return jsonResponse(200, { status: 'ok' });
    }
}
