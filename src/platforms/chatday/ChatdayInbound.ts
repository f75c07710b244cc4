import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { InboundEvent } from '../../bridges/InboundEvent';
import { RemoteFile } from '../../conversations/RemoteFile';
import { fileNameOf } from '../../files/fileNameOf';
import { wildcardMimeType } from '../../files/wildcardMimeType';
import { HttpError } from '../../http/HttpError';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { EndpointAuth } from '../../security/EndpointAuth';
import { bodyObject, isObject, JsonObject, MAX_TEXT_LENGTH, optionalObject, requiredText, requireValidText } from '../../validation/fields';
import { PlatformInbound } from '../PlatformInbound';
import { ChatdaySetting } from './ChatdaySetting';
import { ChatdayVerifyAnswer } from './types';

export const CHATDAY_SOURCE = 'chatday';
export const CHATDAY_LABEL = 'Chatday';

const success = (): IApiResponse => {
    const answer: ChatdayVerifyAnswer = { status: 'SUCCESS' };
    return jsonResponse(200, answer);
};

/** Chatday sends `data` as a string or an object; the first string field among `keys` wins. */
function pick(data: unknown, keys: ReadonlyArray<string>): string | undefined {
    if (typeof data === 'string' || typeof data === 'number') {
        return String(data);
    }
    if (isObject(data)) {
        for (const key of keys) {
            const value = data[key];
            if (typeof value === 'string' && value.trim() !== '') {
                return value;
            }
        }
    }
    return undefined;
}

function messageContent(type: string, data: unknown): { text: string; files: Array<RemoteFile> } {
    const kind = type.toLowerCase();
    if (kind === 'text') {
        const text = pick(data, ['text', 'message', 'content']) ?? '';
        if (text.length > MAX_TEXT_LENGTH) {
            throw HttpError.badRequest(`"message.data" is too long (${text.length} characters; at most ${MAX_TEXT_LENGTH})`);
        }
        return { text: requireValidText(text, 'message.data'), files: [] };
    }
    const url = pick(data, ['url', 'link', 'src', 'file_url', 'fileUrl']);
    if (url && /^https?:\/\//i.test(url)) {
        const name = isObject(data) ? pick(data, ['name', 'file_name', 'fileName', 'filename']) : undefined;
        return { text: isObject(data) ? pick(data, ['caption', 'text']) ?? '' : '', files: [{ url, mimeType: wildcardMimeType(kind) ?? 'application/octet-stream', name: name ?? fileNameOf(url) }] };
    }
    if (isObject(data) && data.latitude !== undefined && data.longitude !== undefined) {
        return { text: `📍 ${String(data.latitude)}, ${String(data.longitude)}`, files: [] };
    }
    const fallback = pick(data, ['text', 'title', 'label']);
    return { text: fallback ?? `[${type} message]`, files: [] };
}

function eventIdOf(body: JsonObject, message: JsonObject): string | undefined {
    for (const [source, key] of [[message, 'id'], [message, 'message_id'], [body, 'message_id'], [body, 'id']] as Array<[JsonObject, string]>) {
        const value = source[key];
        if (typeof value === 'string' || typeof value === 'number') {
            return String(value);
        }
    }
    return undefined;
}

function visitorName(body: JsonObject, chatId: string): string {
    for (const candidate of [body.name, isObject(body.user) ? body.user.name : undefined, isObject(body.customer) ? body.customer.name : undefined]) {
        if (typeof candidate === 'string' && candidate.trim() !== '') {
            return candidate.trim().slice(0, 200);
        }
    }
    return `Chatday visitor ${chatId}`;
}

/** Chatday's website-widget webhook: `{message:{type,data}, chat_id}` with `X-Chatday-Signature-Token`. */
export class ChatdayInbound implements PlatformInbound {
    public readonly path = 'chatday';
    public readonly methods = ['get', 'post'] as const;
    public readonly enabledSetting = ChatdaySetting.Enabled;
    public readonly requiredSettings = [ChatdaySetting.Token, ChatdaySetting.SignatureToken];
    public readonly departmentSetting = ChatdaySetting.Department;

    /** Chatday's webhook verification: a GET, or a POST without a message, must answer 200 {"status":"SUCCESS"}. */
    public async preflight({ method, request }: RequestContext): Promise<IApiResponse | undefined> {
        const body = request.content;
        const empty = body === undefined || body === null || (isObject(body) && body.message === undefined && body.chat_id === undefined);
        return method === 'get' || empty ? success() : undefined;
    }

    public readonly auth: EndpointAuth = { kind: 'token', header: 'X-Chatday-Signature-Token', setting: ChatdaySetting.SignatureToken, secretName: 'the registered signature token' };

    public async parse({ request }: RequestContext): Promise<Array<InboundEvent>> {
        const body = bodyObject(request.content);
        const message = optionalObject(body, 'message', 'message');
        if (!message) {
            throw HttpError.badRequest('"message" must be an object {type, data}');
        }
        const chatId = requiredText(body, 'chat_id', 'chat_id', 200);
        const type = requiredText(message, 'type', 'message.type', 50);
        const { text, files } = messageContent(type, message.data);
        const token = `chatday:${chatId}`;
        return [{
            type: 'user-message',
            eventId: eventIdOf(body, message),
            visitorToken: token,
            text,
            files,
            opensRoomFrom: {
                visitor: { token, name: visitorName(body, chatId) },
                platformConversation: chatId,
                externalIds: { chatId, chatIdJson: JSON.stringify(body.chat_id) },
            },
        }];
    }

    public answer(): IApiResponse {
        return success();
    }
}
