import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';

import { fileNameOf } from '../files/fileNameOf';

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
