import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { DeliveryContext, DeliveryTarget, NotReady, OutboundRequest } from './DeliveryTarget';
import { OutboxItem } from './OutboxItem';
import { receiverErrorText } from './receiverErrorText';

/** A platform API that takes each item's payload as JSON at a configured URL with `Authorization: Bearer <token>`. */
export class BearerJsonTarget implements DeliveryTarget {
    constructor(private readonly urlSetting: string, private readonly tokenSetting: string) {}

    public async prepare(item: OutboxItem, { settings }: DeliveryContext): Promise<OutboundRequest | NotReady> {
        const [url, token] = await Promise.all([settings.text(this.urlSetting), settings.text(this.tokenSetting)]);
        if (!url || !token) {
            return { notReady: `${this.urlSetting} or ${this.tokenSetting} is not set` };
        }
        return { url, headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(item.payload) };
    }

    public errorText(response: IHttpResponse): string {
        return receiverErrorText(response, ['message', 'error']);
    }
}
