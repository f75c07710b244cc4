import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { BridgeAdapter } from '../../bridges/BridgeAdapter';
import { InboundEvent } from '../../bridges/InboundEvent';
import { ServiceContext } from '../../conversations/ConversationService';
import { HttpError } from '../../http/HttpError';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { ConversationLink } from '../../links/ConversationLink';
import { ConversationLinkStore } from '../../links/ConversationLinkStore';
import { LivechatGateway } from '../../livechat/LivechatGateway';
import { constantTimeEqual } from '../../security/constantTimeEqual';
import { requireBodySignature } from '../../security/requireBodySignature';
import { SettingId } from '../../settings/SettingId';
import { bodyObject, isObject, optionalText, requiredText } from '../../validation/fields';
import { handoverWords } from './handoverWords';
import { renderUchatReply } from './renderUchatReply';
import { handOverToHumans } from './UchatHandover';
import { UCHAT, uchatLinkOf } from './uchatLink';

export const UCHAT_SOURCE = UCHAT;

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
export class UchatInbound implements BridgeAdapter {
    public readonly source = UCHAT_SOURCE;
    public readonly label = 'UChat';
    public readonly path = 'uchat';
    public readonly methods = ['get', 'post'] as const;
    public readonly enabledSetting = SettingId.UchatEnabled;
    public readonly requiredSettings = [SettingId.UchatVerificationKey, SettingId.UchatBotUrl, SettingId.UchatFlowApiKey, SettingId.UchatDepartment];
    public readonly departmentSetting = SettingId.UchatDepartment;
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
        const key = await context.settings.text(SettingId.UchatVerificationKey);
        if (mode !== 'subscribe' || !constantTimeEqual(token, key)) {
            throw HttpError.forbidden('hub verification refused: hub_mode must be "subscribe" and hub_verify_token must match uchat_verification_key');
        }
        context.logger.info('uchat: webhook verified');
        return { status: 200, headers: { 'content-type': 'text/plain' }, content: challenge };
    }

    public async verify({ request, settings }: RequestContext): Promise<void> {
        await requireBodySignature(request.headers, request.content, 'X-Hub-Signature-256', SettingId.UchatVerificationKey, settings);
    }

    public async parse(context: RequestContext): Promise<Array<InboundEvent>> {
        const body = bodyObject(context.request.content);
        const token = requiredText(body, 'sender_id', 'sender_id', 200);
        if ((optionalText(body, 'message_type', 'message_type', 50) ?? 'outgoing') !== 'outgoing') {
            return [];
        }
        const rendered = renderUchatReply(body);
        const words = handoverWords(await context.settings.text(SettingId.UchatHandoverPayloads));
        const visitor = await new LivechatGateway(context.read, context.modify, context.appId).findVisitor(token);
        return [{
            type: 'bot-reply',
            eventId: optionalText(body, 'id', 'id', 200) ?? optionalText(body, 'message_id', 'message_id', 200),
            visitorToken: token,
            ...rendered,
            private: body.private === true || body.private === 'true' || body.private === 1,
            handover: body.handover === true || words.includes(rendered.text.trim().toLowerCase()),
            opensRoomFrom: visitor ? { visitor: { token, name: visitor.name }, platformConversation: `uchat-${token}`, externalIds: {} } : undefined,
        }];
    }

    public answer(): IApiResponse {
        return jsonResponse(200, { status: 'ok' });
    }

    /** A widget room the bot serves has no link until first contact: adopt the visitor's open room in the bot's department. */
    public async adoptRoom(visitorToken: string, context: ServiceContext): Promise<ConversationLink | undefined> {
        const livechat = new LivechatGateway(context.read, context.modify, context.appId);
        const department = await livechat.findDepartment(await context.settings.text(SettingId.UchatDepartment));
        const room = department ? (await livechat.openRoomsOfVisitor(visitorToken)).find((candidate) => candidate.department?.id === department.id) : undefined;
        return room ? uchatLinkOf(room, new ConversationLinkStore(context.read.getPersistenceReader(), context.persistence)) : undefined;
    }

    public async handOver(link: ConversationLink, context: ServiceContext, reason: string): Promise<void> {
        await handOverToHumans(link, context, reason);
    }
}
