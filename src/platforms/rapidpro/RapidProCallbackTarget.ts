import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { DeliveryContext, DeliveryTarget, NotReady, OutboundRequest } from '../../outbox/DeliveryTarget';
import { OutboxItem } from '../../outbox/OutboxItem';
import { receiverErrorText } from '../../outbox/receiverErrorText';
import { SettingId } from '../../settings/SettingId';
import { RapidProCallbackStore } from './RapidProCallbackStore';

/** POSTs `agent-message` and `close-room` to RapidPro's callback with `Authorization: Token <App Secret>`. */
export class RapidProCallbackTarget implements DeliveryTarget {
    public async prepare(item: OutboxItem, { read, settings, environment }: DeliveryContext): Promise<OutboundRequest | NotReady> {
        const url = await new RapidProCallbackStore(read.getPersistenceReader(), settings, undefined, environment).url();
        if (!url) {
            return { notReady: 'RapidPro has not connected yet (no callback URL from PUT /settings)' };
        }
        const secret = await settings.text(SettingId.AppSecret);
        if (!secret) {
            return { notReady: 'the App Secret is not set' };
        }
        return {
            url,
            headers: { 'Authorization': `Token ${secret}`, 'Content-Type': 'application/json' },
            body: JSON.stringify(item.payload),
        };
    }

    /** RapidPro answers errors as {"error": "…"} (or {"status": "unauthorized"}). */
    public errorText(response: IHttpResponse): string {
        return receiverErrorText(response, ['error', 'status']);
    }
}
