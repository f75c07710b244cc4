import { HttpError } from '../../http/HttpError';
import { bodyObject, isObject, JsonObject } from '../../validation/fields';

/** One CLOSER webhook event, whichever payload shape it came in. */
export interface CloserEvent {
    /** The event name ('message_received', 'agent_call_requested', …); '' when the event has none. */
    type: string;
    /** The envelope's own id of the event (newer batched shape only). */
    envelopeId?: string;
    botId?: string;
    endUserId?: string;
    /** As CLOSER sent it: an ISO date (single shape) or milliseconds (batched shape), as text. */
    timestamp?: string;
    message?: JsonObject;
    conversation?: JsonObject;
}

/** A string (trimmed, non-empty) or a finite number as text; anything else is undefined. */
export function textOf(value: unknown): string | undefined {
    if (typeof value === 'string') {
        const text = value.trim();
        return text === '' ? undefined : text;
    }
    return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function objectOf(value: unknown): JsonObject | undefined {
    return isObject(value) ? value : undefined;
}

function endUserIdOf(fields: JsonObject): string | undefined {
    const endUser = objectOf(fields.endUser);
    return textOf(fields.endUserId) ?? textOf(endUser?.id);
}

/**
 * One event: the single shape `{type, botId, message, timestamp, endUserId, conversation}`,
 * or the batched shape `{id, name|type, botId, timestamp, data}` whose `data` carries the
 * single shape's fields (the event's own fields fill in what `data` lacks).
 */
export function normaliseCloserEvent(raw: unknown): CloserEvent {
    if (!isObject(raw)) {
        return { type: '' };
    }
    const data = objectOf(raw.data);
    const fields = data ?? raw;
    const pick = (key: string): unknown => (fields[key] !== undefined && fields[key] !== null ? fields[key] : raw[key]);
    return {
        type: (data ? textOf(raw.name) ?? textOf(raw.type) ?? textOf(data.type) ?? textOf(data.name) : textOf(raw.type) ?? textOf(raw.name)) ?? '',
        envelopeId: data ? textOf(raw.id) : undefined,
        botId: textOf(pick('botId')) ?? textOf(pick('bot_id')),
        endUserId: endUserIdOf(fields) ?? (data ? endUserIdOf(raw) : undefined),
        timestamp: textOf(pick('timestamp')),
        message: objectOf(pick('message')),
        conversation: objectOf(pick('conversation')),
    };
}

/**
 * The events of a webhook request, in order: a batch `{id, webhookId, webhookUrl, messages:[…]}`
 * or a single event. A body that is not a JSON object, or a batch whose `messages` is not a
 * list, is a 400.
 */
export function closerEvents(body: unknown): Array<CloserEvent> {
    const object = bodyObject(body);
    if (object.messages === undefined || object.messages === null) {
        return [normaliseCloserEvent(object)];
    }
    if (!Array.isArray(object.messages)) {
        throw HttpError.badRequest('"messages" must be a list of events');
    }
    return object.messages.map((event: unknown) => normaliseCloserEvent(event));
}
