import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';

/**
 * The size check of apps/meteor/app/lib/server/methods/sendMessage.ts (executeSendMessage):
 * every message a user sends (the UI, the REST API, and an app's bot user through the message
 * bridge, apps/meteor/app/apps/server/bridges/messages.ts → MessageService.sendMessage) is
 * refused when its text is longer than the server setting `Message_MaxAllowedSize` (UTF-16
 * code units, JavaScript's `length`; an unset setting counts as 0). Livechat visitor messages
 * go to functions/sendMessage.ts directly and skip it.
 */
export function checkMessageSize(text: string | undefined, maxAllowedSize: unknown): void {
    const limit = typeof maxAllowedSize === 'number' ? maxAllowedSize : Number(maxAllowedSize ?? 0) || 0;
    if (text && text.length > limit) {
        // Meteor.Error('error-message-size-exceeded', 'Message size exceeds Message_MaxAllowedSize'): its message is "<reason> [<error>]".
        throw new Error('Message size exceeds Message_MaxAllowedSize [error-message-size-exceeded]');
    }
}

/**
 * `validFullURLParam` of apps/meteor/app/lib/server/functions/sendMessage.ts: a link must start
 * with `http://`, `https://` or `data:` (lib/utils/isURL.ts, case-sensitive) or with
 * FileUpload.getPath() (`/file-upload/`), and never be `javascript:`.
 */
function isValidFullUrl(value: unknown): boolean {
    return typeof value === 'string' && (/^(https?:\/\/|data:)/.test(value) || value.startsWith('/file-upload/')) && !/^javascript:/i.test(value);
}

/**
 * The attachment checks of validateMessage (functions/sendMessage.ts), run for every message
 * whoever sends it, visitors included: each link field of each attachment must pass
 * validFullURLParam, else the whole message is refused (Meteor's check() throws a Match error).
 * Field names are Rocket.Chat's; the app's attachment shape is converted as
 * apps/meteor/app/apps/server/converters/messages.js does.
 */
export function checkAttachmentLinks(attachments: ReadonlyArray<IMessageAttachment> | undefined): void {
    (attachments ?? []).forEach((attachment, index) => {
        const links: Record<string, unknown> = {
            title_link: attachment.title?.link,
            image_url: attachment.imageUrl,
            audio_url: attachment.audioUrl,
            video_url: attachment.videoUrl,
            thumb_url: attachment.thumbnailUrl,
            author_link: attachment.author?.link,
            author_icon: attachment.author?.icon,
            message_link: attachment.timestampLink,
        };
        (attachment.actions ?? []).forEach((action, i) => {
            links[`actions[${i}].url`] = action.url;
            links[`actions[${i}].image_url`] = action.image_url;
        });
        for (const [field, value] of Object.entries(links)) {
            if (value !== undefined && value !== null && !isValidFullUrl(value)) {
                throw new Error(`Match error: Invalid href value provided in field attachments[${index}].${field}`);
            }
        }
    });
}
