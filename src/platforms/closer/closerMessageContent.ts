import { lookup } from 'mime-types';

import { RemoteFile } from '../../conversations/RemoteFile';
import { fileNameOf } from '../../files/fileNameOf';
import { wildcardMimeType } from '../../files/wildcardMimeType';
import { isObject, JsonObject, MAX_TEXT_LENGTH } from '../../validation/fields';
import { textOf } from './closerEvent';

export interface MessageContent {
    text: string;
    files: Array<RemoteFile>;
}

const URL_KEYS = ['url', 'imageUrl', 'image_url', 'videoUrl', 'video_url', 'audioUrl', 'audio_url', 'fileUrl', 'file_url', 'src', 'link'];
const TITLE_KEYS = ['title', 'label', 'text', 'name'];
const MAX_ITEMS = 30;

function first(source: JsonObject, keys: ReadonlyArray<string>): string | undefined {
    for (const key of keys) {
        const value = textOf(source[key]);
        if (value !== undefined) {
            return value;
        }
    }
    return undefined;
}

function httpUrlOf(source: JsonObject): string | undefined {
    const url = first(source, URL_KEYS);
    return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function listOf(source: JsonObject, keys: ReadonlyArray<string>): Array<JsonObject> {
    for (const key of keys) {
        const value = source[key];
        if (Array.isArray(value)) {
            return value.filter(isObject).slice(0, MAX_ITEMS);
        }
    }
    return [];
}

/** A file's MIME type: as sent, else from the URL's extension when it fits the media kind, else the kind's (image/*…). */
function mimeTypeOf(source: JsonObject, kind: string, url: string): string {
    const given = first(source, ['mimeType', 'mime_type', 'contentType', 'content_type']);
    if (given && given.includes('/')) {
        return given;
    }
    const fromExtension = lookup(url.split('?')[0].split('#')[0]) || undefined;
    const mediaKind = wildcardMimeType(first(source, ['mediaType', 'media_type', 'fileType']) ?? kind);
    if (fromExtension && (!mediaKind || fromExtension.startsWith(mediaKind.replace('*', '')))) {
        return fromExtension;
    }
    return mediaKind ?? 'application/octet-stream';
}

function fileOf(source: JsonObject, kind: string): RemoteFile | undefined {
    const url = httpUrlOf(source);
    return url ? { url, mimeType: mimeTypeOf(source, kind, url), name: first(source, ['name', 'fileName', 'file_name', 'filename']) ?? fileNameOf(url) } : undefined;
}

/** `[버튼] title (url)` for each button or quick reply, as CLOSER's UI labels them. */
function buttonLines(source: JsonObject): Array<string> {
    const buttons = listOf(source, ['buttons', 'button']).map((button) => ({ button, label: '버튼' }));
    const quick = listOf(source, ['quickReplies', 'quick_replies']).map((button) => ({ button, label: '빠른 답장' }));
    return [...buttons, ...quick].map(({ button, label }) => {
        const title = first(button, TITLE_KEYS) ?? first(button, ['payload', 'value']) ?? '';
        const url = httpUrlOf(button);
        return `[${label}] ${title}${url && url !== title ? ` (${url})` : ''}`.trim();
    });
}

/** A card as `[카드] title`, its description, its buttons; its image (if any) as a file. */
function cardContent(card: JsonObject): MessageContent {
    const lines = [`[카드] ${first(card, ['title', 'name', 'header']) ?? ''}`.trim()];
    const description = first(card, ['description', 'subtitle', 'text', 'body']);
    if (description) {
        lines.push(description);
    }
    lines.push(...buttonLines(card));
    const image = fileOf(card, 'image');
    return { text: lines.join('\n'), files: image ? [image] : [] };
}

function limited(content: MessageContent, kind: string): MessageContent {
    const text = content.text.length > MAX_TEXT_LENGTH ? `${content.text.slice(0, MAX_TEXT_LENGTH - 1)}…` : content.text;
    return { text: text.trim() === '' && content.files.length === 0 ? `[${kind} message]` : text, files: content.files };
}

/**
 * What a CLOSER `message.data` shows: text as is; media with a URL as a file (caption as
 * text); buttons and cards as readable text ("[버튼] title"); anything else as its text or
 * "[type message]". Never throws: CLOSER switches off a webhook that fails.
 */
export function closerMessageContent(message: JsonObject | undefined): MessageContent {
    const data = message?.data;
    if (typeof data === 'string' || typeof data === 'number') {
        return limited({ text: String(data), files: [] }, 'text');
    }
    if (!isObject(data)) {
        return limited({ text: '', files: [] }, 'empty');
    }
    const kind = (textOf(data.type) ?? 'unknown').toLowerCase();
    const text = first(data, ['text', 'caption', 'title', 'message']) ?? '';
    if (kind === 'text') {
        return limited({ text: [text, ...buttonLines(data)].filter(Boolean).join('\n'), files: [] }, kind);
    }
    const cards = listOf(data, ['cards', 'items', 'elements', 'card']);
    if (cards.length > 0 || kind === 'cards' || kind === 'card' || kind === 'carousel') {
        const rendered = cards.map(cardContent);
        return limited({
            text: [text, ...rendered.map((card) => card.text), ...buttonLines(data)].filter(Boolean).join('\n\n'),
            files: ([] as Array<RemoteFile>).concat(...rendered.map((card) => card.files)),
        }, kind);
    }
    const media = fileOf(data, kind);
    return limited({ text: [text, ...buttonLines(data)].filter(Boolean).join('\n'), files: media ? [media] : [] }, kind);
}
