import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { ConversationLink } from '../../links/ConversationLink';
import { AgentReply } from '../../outbound/AgentReply';
import { DeliveryContext, DeliveryTarget, NotReady, OutboundRequest } from '../../outbox/DeliveryTarget';
import { OutboxItem } from '../../outbox/OutboxItem';
import { receiverErrorText } from '../../outbox/receiverErrorText';
import { PlatformOutbound } from '../PlatformOutbound';
import { GitpleSetting } from './GitpleSetting';
import { GitpleHookMessage } from './types';

class GitpleHooksTarget implements DeliveryTarget {
    public async prepare(item: OutboxItem, { settings }: DeliveryContext): Promise<OutboundRequest | NotReady> {
        const [base, secret, configuredCode] = await Promise.all([
            settings.text(GitpleSetting.ApiUrl), settings.text(GitpleSetting.ApiSecret), settings.text(GitpleSetting.AppCode),
        ]);
        const appCode = configuredCode || String(item.payload.appCode ?? '');
        if (!base || !secret || !appCode) {
            return { notReady: 'gitple_api_secret, gitple_app_code or gitple_api_url is not set' };
        }
        const { appCode: _appCode, ...body } = item.payload;
        return {
            url: `${base.replace(/\/+$/, '')}/v1/hooks`,
            headers: { 'app-code': appCode, 'secret': secret, 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
        };
    }

    public errorText(response: IHttpResponse): string {
        return receiverErrorText(response, ['error']);
    }
}

/** Agents' replies to a Gitple user through `POST /v1/hooks`; Gitple cannot take a close. */
export class GitpleOutbound implements PlatformOutbound {
    public readonly target = new GitpleHooksTarget();
    public readonly fileLinks = 'signed';

    public agentReply(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>> {
        const content: GitpleHookMessage['content'] = [];
        if (reply.text.trim() !== '') {
            content.push({ t: reply.text });
        }
        content.push(...reply.attachments.map((file) => ({ l: { u: file.url, m: file.mimeType } })));
        // The app code rides along for the delivery target, which sends it as the `app-code` header.
        const hook: GitpleHookMessage & { appCode: string } = {
            appCode: link.externalIds.appCode,
            type: 'message',
            identifier: link.externalIds.identifier ?? link.externalIds.userId,
            anonymous: link.externalIds.anonymous === 'true',
            lang: link.externalIds.lang ?? 'ko',
            content,
        };
        return [hook];
    }
}
