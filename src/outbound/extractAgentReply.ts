import { IMessage, IMessageAttachment, IMessageFile } from '@rocket.chat/apps-engine/definition/messages';
import { lookup } from 'mime-types';

import { fileNameOf } from '../files/fileNameOf';
import { absoluteUrl } from './absoluteUrl';
import { AgentReply, ReplyAttachment } from './AgentReply';
import { shortcodesToEmoji } from './shortcodesToEmoji';

/** Every upload of the message comes in `files` from Apps-Engine 1.62 on; older engines send only the first, as `file`. */
type MessageWithFiles = IMessage & { files?: Array<IMessageFile> };

function attachmentLink(attachment: IMessageAttachment): string | undefined {
    return attachment.title?.link ?? attachment.imageUrl ?? attachment.audioUrl ?? attachment.videoUrl;
}

function fileName(attachment: IMessageAttachment, link: string): string {
    return attachment.title?.value?.trim() || fileNameOf(link);
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

/** The upload id of a link to a file of this Rocket.Chat (`/file-upload/<id>/<name>`, relative or under Site_Url). */
function uploadIdOf(link: string, siteUrl: string): string | undefined {
    const site = siteUrl.replace(/\/+$/, '');
    const path = site && link.startsWith(`${site}/`) ? link.slice(site.length) : link;
    const match = /^\/file-upload\/([^/?#]+)\//.exec(path);
    return match ? match[1] : undefined;
}

/**
 * Every file of the message (absolute URL, MIME type, name, upload id for uploads) and its
 * text with :shortcodes: as emoji. A caption typed in Rocket.Chat's upload dialog is stored as
 * the upload's attachment description (the message text may be empty): captions follow the text.
 */
export function extractAgentReply(message: IMessage, siteUrl: string): AgentReply {
    const attachments: Array<ReplyAttachment> = [];
    const captions: Array<string> = [];
    for (const attachment of message.attachments ?? []) {
        const link = attachmentLink(attachment);
        if (!link) {
            continue;
        }
        const name = fileName(attachment, link);
        const uploadId = uploadIdOf(link, siteUrl);
        const file: ReplyAttachment = { url: absoluteUrl(siteUrl, link), mimeType: mimeTypeOf(message, attachment, link, name), name };
        if (uploadId) {
            file.uploadId = uploadId;
            if (attachment.description?.trim()) {
                captions.push(attachment.description.trim());
            }
        }
        attachments.push(file);
    }
    const text = [message.text ?? '', ...captions].filter((part) => part.trim() !== '').join('\n');
    return { text: shortcodesToEmoji(text), attachments };
}
