import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { InboundEvent } from '../../bridges/InboundEvent';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { PlatformInbound } from '../PlatformInbound';
import { closerEvents } from './closerEvent';
import { closerInboundEvent } from './closerInboundEvent';
import { CloserSetting } from './CloserSetting';

export const CLOSER_SOURCE = 'closer';
export const CLOSER_LABEL = 'CLOSER';

/**
 * CLOSER's webhook: single events `{type, botId, message, endUserId, conversation…}`
 * or batches `{id, webhookId, webhookUrl, messages:[…]}`. CLOSER signs nothing, so the URL
 * carries a secret token. CLOSER switches off a failing webhook: every authenticated,
 * well-formed request is answered 200, whatever its events.
 */
export class CloserInbound implements PlatformInbound {
    public readonly path = 'closer';
    public readonly methods = ['post'] as const;
    public readonly enabledSetting = CloserSetting.Enabled;
    public readonly requiredSettings = [CloserSetting.WebhookToken, CloserSetting.ReplyUrl, CloserSetting.ReplySecret];
    public readonly departmentSetting = CloserSetting.Department;

    /** CLOSER signs nothing: its webhook URL carries a secret token (`?token=`), or the X-Closer-Token header does. */
    public readonly auth: EndpointAuth = { kind: 'token', header: 'X-Closer-Token', query: 'token', setting: CloserSetting.WebhookToken };

    public async parse({ request, settings, logger }: RequestContext): Promise<Array<InboundEvent>> {
        const raw = closerEvents(request.content);
        const mirror = await settings.flag(CloserSetting.MirrorOutsideHandover);
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
