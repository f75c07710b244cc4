import { RemoteFile } from '../../conversations/RemoteFile';
import { fileNameOf } from '../../files/fileNameOf';
import { isObject } from '../../validation/fields';

export interface GitpleContent {
    text: string;
    files: Array<RemoteFile>;
}

/** One piece of Gitple content: a string, a link `{l:{u,m}}` (URL and MIME type), or an emoji `{e:{alt}}`. */
function piece(value: unknown, out: GitpleContent): void {
    if (typeof value === 'string') {
        out.text += value;
    } else if (Array.isArray(value)) {
        value.forEach((item) => piece(item, out));
    } else if (isObject(value)) {
        if (isObject(value.l) && typeof value.l.u === 'string') {
            const mimeType = typeof value.l.m === 'string' && value.l.m !== '' ? value.l.m : 'application/octet-stream';
            out.files.push({ url: value.l.u, mimeType, name: fileNameOf(value.l.u) });
        } else if (isObject(value.e) && typeof value.e.alt === 'string') {
            out.text += value.e.alt;
        } else if (typeof value.t === 'string') {
            out.text += value.t;
        }
    }
}

/** Gitple message content as text and files. */
export function gitpleContent(content: unknown): GitpleContent {
    const out: GitpleContent = { text: '', files: [] };
    piece(content, out);
    return out;
}
