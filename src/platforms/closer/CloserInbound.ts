import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { BridgeAdapter } from '../../bridges/BridgeAdapter';
import { InboundEvent } from '../../bridges/InboundEvent';
import { HttpError } from '../../http/HttpError';
import { headerValue } from '../../http/headerValue';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { constantTimeEqual } from '../../security/constantTimeEqual';
import { SettingId } from '../../settings/SettingId';
import { closerEvents } from './closerEvent';
import { closerInboundEvent } from './closerInboundEvent';

export const CLOSER_SOURCE = 'closer';

/** The token CLOSER's webhook URL carries: the `X-Closer-Token` header, else `?token=`. */
function givenToken({ request }: RequestContext): string {
    const header = headerValue(request.headers, 'x-closer-token').trim();
    if (header !== '') {
        return header;
    }
    const query = request.query?.token;
    return typeof query === 'string' ? query.trim() : '';
}

/**
 * CLOSER's webhook: single events `{type, botId, message, endUserId, conversation…}`
 * or batches `{id, webhookId, webhookUrl, messages:[…]}`. CLOSER signs nothing, so the URL
 * carries a secret token. CLOSER switches off a failing webhook: every authenticated,
 * well-formed request is answered 200, whatever its events.
 */
export class CloserInbound implements BridgeAdapter {
    public readonly source = CLOSER_SOURCE;
    public readonly label = 'CLOSER';
    public readonly path = 'closer';
    public readonly methods = ['post'] as const;
    public readonly enabledSetting = SettingId.CloserEnabled;
    public readonly requiredSettings = [SettingId.CloserWebhookToken, SettingId.CloserReplyUrl, SettingId.CloserReplySecret];
    public readonly departmentSetting = SettingId.CloserDepartment;

    public async verify(context: RequestContext): Promise<void> {
        const given = givenToken(context);
        if (given === '') {
            throw HttpError.unauthorized('missing token: add ?token=<closer_webhook_token> to the webhook URL or send the X-Closer-Token header');
        }
        if (!constantTimeEqual(given, await context.settings.text(SettingId.CloserWebhookToken))) {
            throw HttpError.unauthorized('the token does not match closer_webhook_token');
        }
    }

    public async parse({ request, settings, logger }: RequestContext): Promise<Array<InboundEvent>> {
        const raw = closerEvents(request.content);
        const mirror = await settings.flag(SettingId.CloserMirrorOutsideHandover);
        const events: Array<InboundEvent> = [];
        for (const event of raw) {
            const mapped = closerInboundEvent(event, mirror);
            if ('event' in mapped) {
                events.push(mapped.event);
            } else if (mapped.level === 'warn') {
                logger.warn(`closer: ignored ${mapped.ignored}`);
            } else {
                logger.debug(`closer: ignored ${mapped.ignored}`);
            }
        }
        return events;
    }

    public answer(): IApiResponse {
        return jsonResponse(200, { status: 'ok' });
    }
}
