import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';

const ACCEPTED = /^(https?:\/\/|data:)/;
const FIXABLE = /^(https?:\/\/|data:)/i;

/**
 * A link as Rocket.Chat's sendMessage accepts it in an attachment (`http://`,
 * `https://` or `data:`, matched case-sensitively, or `/file-upload/…`): a scheme in capitals
 * is written in lower case; anything else (another scheme, no scheme) → undefined.
 */
export function acceptedLink(link: string): string | undefined {
    if (ACCEPTED.test(link) || link.startsWith('/file-upload/')) {
        return link;
    }
    const scheme = FIXABLE.exec(link);
    return scheme ? `${scheme[1].toLowerCase()}${link.slice(scheme[1].length)}` : undefined;
}

/** Makes `holder[key]` an accepted link, or removes it and records it in `refused`. */
function fixLink<T extends object>(holder: T, key: keyof T & string, refused: Array<string>): void {
    const fields = holder as Record<string, unknown>;
    const link = fields[key];
    if (typeof link !== 'string') {
        return;
    }
    const accepted = acceptedLink(link);
    if (accepted === undefined) {
        refused.push(link);
        delete fields[key];
    } else {
        fields[key] = accepted;
    }
}

/**
 * Attachments Rocket.Chat will take: it refuses the whole message when a single link is not
 * acceptable, and platforms send links as they like (`www.example.com`, `HTTPS://…`, `ftp:`).
 * Each link is made acceptable, or taken out of its field and added to the attachment's text,
 * so the message is posted and nothing is lost.
 */
export function acceptedAttachments(attachments: ReadonlyArray<IMessageAttachment>): Array<IMessageAttachment> {
    return attachments.map((original) => {
        const attachment: IMessageAttachment = { ...original };
        const refused: Array<string> = [];
        if (attachment.title) {
            attachment.title = { ...attachment.title };
            fixLink(attachment.title, 'link', refused);
        }
        if (attachment.author) {
            attachment.author = { ...attachment.author };
            fixLink(attachment.author, 'link', refused);
            fixLink(attachment.author, 'icon', refused);
        }
        for (const key of ['imageUrl', 'audioUrl', 'videoUrl', 'thumbnailUrl', 'timestampLink'] as const) {
            fixLink(attachment, key, refused);
        }
        if (attachment.actions) {
            attachment.actions = attachment.actions.map((original) => {
                const action = { ...original };
                fixLink(action, 'url', refused);
                fixLink(action, 'image_url', refused);
                return action;
            });
        }
        if (refused.length > 0) {
            attachment.text = [attachment.text ?? '', ...refused].filter((part) => part !== '').join('\n');
        }
        return attachment;
    });
}
