import { IHttp, ILogger } from '@rocket.chat/apps-engine/definition/accessors';

import { responseJson } from '../../http/responseJson';
import { utcStamp } from '../../time/utcStamp';
import { RapidProCallbackStore } from './RapidProCallbackStore';
import { RapidProMessage, RapidProMessagesPage } from './types';

const MAX_PAGES = 20;

/** One readable history text: oldest first, who said it, UTC times, attachments as links. */
export function formatHistory(messages: Array<RapidProMessage>, contactName: string): string {
    const sorted = [...messages].sort((a, b) => Date.parse(a.created_on ?? '') - Date.parse(b.created_on ?? ''));
    const lines = sorted.map((message) => {
        const who = message.direction === 'in' ? contactName : 'RapidPro';
        const files = (message.attachments ?? []).filter((file) => file.url).map((file) => `\n    📎 ${file.url}${file.content_type ? ` (${file.content_type})` : ''}`);
        return `[${utcStamp(message.created_on)}] ${who}: ${message.text ?? ''}${files.join('')}`;
    });
    return [`Conversation history from RapidPro (${sorted.length} message${sorted.length === 1 ? '' : 's'}):`, ...lines].join('\n');
}

/** The messages to and from the contact since `after`, from RapidPro's API v2, following `next` pages. */
export async function fetchHistory(
    http: IHttp, callbacks: RapidProCallbackStore, apiToken: string, contactUUID: string, after: string, timeoutMs: number, logger: ILogger,
): Promise<Array<RapidProMessage>> {
    const callback = await callbacks.url();
    if (!callback) {
        throw new Error('RapidPro has not connected yet (no callback URL), so its API address is unknown');
    }
    const origin = new URL(callback).origin;
    let next: string | undefined = `${origin}/api/v2/messages.json?contact=${encodeURIComponent(contactUUID)}&after=${encodeURIComponent(after)}`;
    const messages: Array<RapidProMessage> = [];
    for (let page = 0; next && page < MAX_PAGES; page++) {
        const response = await http.get(next, { headers: { Authorization: `Token ${apiToken}` }, timeout: timeoutMs });
        if (response.statusCode !== 200) {
            throw new Error(`RapidPro's messages API answered HTTP ${response.statusCode}`);
        }
        const data = responseJson(response) as RapidProMessagesPage | undefined;
        messages.push(...(data?.results ?? []));
        next = typeof data?.next === 'string' && data.next !== '' ? data.next : undefined;
    }
    if (next) {
        logger.warn(`rapidpro: history of contact ${contactUUID} has more than ${MAX_PAGES} pages; older messages left out`);
    }
    return messages;
}
