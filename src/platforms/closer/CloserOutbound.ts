import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { ConversationLink } from '../../links/ConversationLink';
import { AgentReply } from '../../outbound/AgentReply';
import { DeliveryContext, DeliveryTarget, NotReady, OutboundRequest } from '../../outbox/DeliveryTarget';
import { OutboxItem } from '../../outbox/OutboxItem';
import { receiverErrorText } from '../../outbox/receiverErrorText';
import { signBody } from '../../security/verifyBodySignature';
import { PlatformOutbound } from '../PlatformOutbound';
import { closerRelayPayload } from './closerRelayPayload';
import { CloserSetting } from './CloserSetting';

/** The customer's relay at `closer_reply_url`: JSON signed with `closer_reply_secret` (HMAC-SHA256 of the exact body). */
class CloserRelayTarget implements DeliveryTarget {
    public async prepare(item: OutboxItem, { settings }: DeliveryContext): Promise<OutboundRequest | NotReady> {
        const [url, secret] = await Promise.all([settings.text(CloserSetting.ReplyUrl), settings.text(CloserSetting.ReplySecret)]);
        if (!url || !secret) {
            return { notReady: 'closer_reply_url or closer_reply_secret is not set' };
        }
        const body = JSON.stringify(item.payload);
        return {
            url,
            headers: {
                'Content-Type': 'application/json',
                'X-Tickets-Signature': signBody(body, secret),
                'X-Tickets-Timestamp': String(Math.floor(Date.now() / 1000)),
                // The same on every attempt: lets the relay recognise a delivery it already handled.
                'X-Tickets-Delivery': item.id,
            },
            body,
        };
    }

    public errorText(response: IHttpResponse): string {
        return receiverErrorText(response);
    }
}

/**
 * No public CLOSER API to send messages is known: agents' replies and room closes go to
 * the customer's relay, which delivers them to CLOSER (or wherever the end user is).
 */
export class CloserOutbound implements PlatformOutbound {
    public readonly target = new CloserRelayTarget();
    public readonly fileLinks = 'signed';

    public agentReply(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>> {
        if (reply.text.trim() === '' && reply.attachments.length === 0) {
            return [];
        }
        return [closerRelayPayload('agent_message', link, reply, new Date())];
    }

    public roomClosed(link: ConversationLink): Record<string, unknown> {
        return closerRelayPayload('room_closed', link, undefined, new Date());
    }
}
