import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';
import { DeliveryContext, DeliveryTarget, NotReady, OutboundRequest } from '../../outbox/DeliveryTarget';
import { OutboxItem } from '../../outbox/OutboxItem';
import { receiverErrorText } from '../../outbox/receiverErrorText';
import { SettingId } from '../../settings/SettingId';
import { OutboundAdapter } from '../../sources/OutboundAdapter';
import { UCHAT_SOURCE } from './UchatInbound';

class UchatBotTarget implements DeliveryTarget {
    public readonly source = UCHAT_SOURCE;

    public async prepare(item: OutboxItem, { settings }: DeliveryContext): Promise<OutboundRequest | NotReady> {
        const [url, key] = await Promise.all([settings.text(SettingId.UchatBotUrl), settings.text(SettingId.UchatFlowApiKey)]);
        if (!url || !key) {
            return { notReady: 'uchat_bot_url or uchat_flow_api_key is not set' };
        }
        return { url, headers: { 'Authorization': `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(item.payload) };
    }

    public errorText(response: IHttpResponse): string {
        return receiverErrorText(response, ['message', 'error']);
    }
}

/**
 * UChat's outward half: visitors' messages go to the bot (see UchatVisitorRelay) through
 * this target. Rocket.Chat agents' replies are not sent to UChat (after a handover the
 * room is theirs), and UChat has no close to receive.
 */
export class UchatOutbound implements OutboundAdapter {
    public readonly source = UCHAT_SOURCE;
    public readonly target = new UchatBotTarget();

    public agentReply(): Array<Record<string, unknown>> {
        return [];
    }

    public roomClosed(): undefined {
        return undefined;
    }
}
