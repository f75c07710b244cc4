import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';

/** The file name at the end of a URL's path, or a fallback. */
export function fileNameOf(url: string, fallback = 'file'): string {
    let path: string;
    try {
        path = new URL(url).pathname;
    } catch {
        path = url.split('?')[0];
    }
    const last = path.split('/').filter(Boolean).pop();
    if (!last) {
        return fallback;
    }
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

/**
 * A Rocket.Chat message attachment for a remote file: images shown as images, audio and
 * video as players, anything else as a titled download link. The URL is kept as given.
 */
export function attachmentFromUrl(url: string, mimeType: string, name = fileNameOf(url)): IMessageAttachment {
    const type = mimeType.toLowerCase();
    const attachment: IMessageAttachment = { title: { value: name, link: url, displayDownloadLink: true } };
    if (type.startsWith('image/')) {
        attachment.imageUrl = url;
    } else if (type.startsWith('audio/')) {
        attachment.audioUrl = url;
    } else if (type.startsWith('video/')) {
        attachment.videoUrl = url;
    } else {
        attachment.description = `${name} (${mimeType})`;
    }
    return attachment;
}
