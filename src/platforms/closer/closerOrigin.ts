import { ConversationOrigin } from '../../bridges/InboundEvent';
import { isObject, JsonObject } from '../../validation/fields';
import { CloserEvent, textOf } from './closerEvent';

/** Parameter keys (compared without case, `_` or `-`) that hold the end user's name. */
const NAME_KEYS = ['name', 'username', 'fullname', 'nickname', 'customername', 'displayname', '이름', '성명', '고객명', '닉네임', '성함'];
const MAX_PARAMS = 30;
const MAX_VALUE = 200;

export const closerVisitorToken = (botId: string, endUserId: string): string => `closer:${botId}:${endUserId}`;

function paramsOf(event: CloserEvent): JsonObject {
    const params = event.conversation?.params;
    return isObject(params) ? params : {};
}

function valueText(value: unknown): string | undefined {
    const text = typeof value === 'boolean' ? String(value) : textOf(value) ?? (isObject(value) || Array.isArray(value) ? JSON.stringify(value) : undefined);
    return text === undefined ? undefined : text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** The end user's name from the conversation's parameters, else "CLOSER user <userKey or endUserId>". */
export function closerVisitorName(event: CloserEvent, endUserId: string): string {
    for (const [key, value] of Object.entries(paramsOf(event))) {
        const name = textOf(value);
        if (name && typeof value === 'string' && NAME_KEYS.includes(key.toLowerCase().replace(/[_-]/g, ''))) {
            return name.slice(0, MAX_VALUE);
        }
    }
    return `CLOSER user ${textOf(event.conversation?.userKey) ?? endUserId}`;
}

/** Where a room for this end user comes from: visitor, CLOSER conversation id, and the ids replies need. */
export function closerOrigin(event: CloserEvent, botId: string, endUserId: string): ConversationOrigin {
    const conversationId = textOf(event.conversation?.id) ?? textOf(event.message?.conversationId);
    const externalIds: Record<string, string> = { botId, endUserId };
    const optional: Array<[string, string | undefined]> = [
        ['conversationId', conversationId],
        ['userKey', textOf(event.conversation?.userKey)],
        ['platform', textOf(event.conversation?.platform)],
    ];
    for (const [key, value] of optional) {
        if (value !== undefined) {
            externalIds[key] = value;
        }
    }
    const token = closerVisitorToken(botId, endUserId);
    return { visitor: { token, name: closerVisitorName(event, endUserId) }, platformConversation: conversationId ?? endUserId, externalIds };
}

/** The room's first context line: messenger, user key, parameters, and that the bot conversation is not included. */
export function closerIntro(event: CloserEvent): string {
    const facts: Array<string> = [];
    const platform = textOf(event.conversation?.platform);
    const userKey = textOf(event.conversation?.userKey);
    if (platform) {
        facts.push(`platform: ${platform}`);
    }
    if (userKey) {
        facts.push(`userKey: ${userKey}`);
    }
    const params = Object.entries(paramsOf(event))
        .slice(0, MAX_PARAMS)
        .map(([key, value]) => [key, valueText(value)])
        .filter((entry): entry is [string, string] => entry[1] !== undefined)
        .map(([key, value]) => `${key.slice(0, 100)}=${value}`);
    facts.push(params.length > 0 ? `parameters: ${params.join(', ')}` : 'no parameters');
    return `The end user asked for an agent in CLOSER (${facts.join('; ')}). `
        + 'The bot conversation so far is not included in CLOSER\'s webhook, so it is not shown here; see it in CLOSER if needed.';
}
