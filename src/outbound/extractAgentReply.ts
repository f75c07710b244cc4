import { IMessage, IMessageAttachment, IMessageFile } from '@rocket.chat/apps-engine/definition/messages';
import { lookup } from 'mime-types';
import { emojify } from 'node-emoji';
import { absoluteUrl } from './absoluteUrl';
import { AgentReply, ReplyAttachment } from './AgentReply';

/** Every upload of the message comes in `files` from Apps-Engine 1.62 on; older engines send only the first, as `file`. */
type MessageWithFiles = IMessage & { files?: Array<IMessageFile> };

function attachmentLink(attachment: IMessageAttachment): string | undefined {
    return attachment.title?.link ?? attachment.imageUrl ?? attachment.audioUrl ?? attachment.videoUrl;
}

function fileName(attachment: IMessageAttachment, link: string): string {
    const fromTitle = attachment.title?.value?.trim();
    if (fromTitle) {
        return fromTitle;
    }
    const last = link.split('?')[0].split('/').filter(Boolean).pop() ?? 'file';
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

function mimeTypeOf(message: MessageWithFiles, attachment: IMessageAttachment, link: string, name: string): string {
    const files = message.files ?? (message.file ? [message.file] : []);
    const file = files.find((candidate) => link.includes(`/${candidate._id}/`));
    if (file?.type) {
        return file.type;
    }
    const path = link.split('?')[0];
    const guessed = (name.includes('.') && lookup(name)) || (/\.[^/]+$/.test(path) && lookup(path));
    if (guessed) {
        return guessed;
    }
    if (attachment.imageUrl) {
        return 'image/*';
    }
    return attachment.audioUrl ? 'audio/*' : attachment.videoUrl ? 'video/*' : 'application/octet-stream';
}

/** Every uploaded file of the message (absolute URL, MIME type, name) and its text with :shortcodes: as emoji. */
export function extractAgentReply(message: IMessage, siteUrl: string): AgentReply {
    const attachments: Array<ReplyAttachment> = [];
    for (const attachment of message.attachments ?? []) {
        const link = attachmentLink(attachment);
        if (!link) {
            continue;
        }
        const name = fileName(attachment, link);
        attachments.push({ url: absoluteUrl(siteUrl, link), mimeType: mimeTypeOf(message, attachment, link, name), name });
    }
    return { text: emojify(message.text ?? ''), attachments };
}
