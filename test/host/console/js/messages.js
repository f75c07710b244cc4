// A room's messages as the Omnichannel UI shows them: the visitor's on the left, agents' on the
// right, the app's bot lines (context from the platform) apart, system lines in the middle,
// images, audio, video and files as attachments, and UIKit buttons.
import { h, shortTime } from './dom.js';
import { withEmoji } from './emoji.js';

/** What Rocket.Chat writes for its system messages (message types of livechat rooms). */
function systemText(message) {
    switch (message.type) {
        case 'livechat-close':
            return `Conversation closed by ${message.sender}${message.text ? `: ${message.text}` : ''}`;
        case 'livechat_transfer_history':
            return `Transferred by ${message.sender}`;
        case 'livechat-started':
            return 'Conversation started';
        case 'command':
            return `/${message.text}`;
        default:
            return `${message.type}${message.text ? `: ${message.text}` : ''}`;
    }
}

/** Rocket.Chat's message markdown, the common part: *bold*, _italic_, ~strike~, `code`, and links. */
function formatted(text) {
    const parts = [];
    const pattern = /(\*[^*\n]+\*|_[^_\n]+_|~[^~\n]+~|`[^`\n]+`|https?:\/\/[^\s<>"']+)/g;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
        parts.push(text.slice(last, match.index));
        const token = match[0];
        if (token.startsWith('http')) {
            parts.push(h('a', { href: token, target: '_blank', rel: 'noopener' }, token));
        } else {
            const inner = token.slice(1, -1);
            parts.push(h({ '*': 'strong', _: 'em', '~': 's', '`': 'code' }[token[0]], {}, inner));
        }
        last = match.index + token.length;
    }
    parts.push(text.slice(last));
    return parts;
}

function attachmentView(attachment) {
    const link = attachment.title?.link ?? attachment.titleLink ?? attachment.title_link;
    const title = attachment.title?.value ?? (typeof attachment.title === 'string' ? attachment.title : undefined);
    const image = attachment.imageUrl ?? attachment.image_url;
    const audio = attachment.audioUrl ?? attachment.audio_url;
    const video = attachment.videoUrl ?? attachment.video_url;
    return h('div', { class: 'attachment' },
        attachment.description ? h('div', { class: 'caption' }, withEmoji(attachment.description)) : null,
        attachment.text ? h('div', { class: 'text' }, formatted(withEmoji(attachment.text))) : null,
        image ? h('a', { href: link ?? image, target: '_blank', rel: 'noopener' }, h('img', { src: image, alt: title ?? 'image', loading: 'lazy' })) : null,
        audio ? h('audio', { src: audio, controls: true, preload: 'none' }) : null,
        video ? h('video', { src: video, controls: true, preload: 'none' }) : null,
        link || title ? h('a', { class: 'file', href: link ?? '#', target: '_blank', rel: 'noopener' }, `📎 ${title ?? link}`) : null,
    );
}

/** The labels of UIKit buttons anywhere in the blocks (a bot's quick replies). */
function buttonLabels(blocks) {
    const labels = [];
    const visit = (node) => {
        if (Array.isArray(node)) {
            node.forEach(visit);
        } else if (node && typeof node === 'object') {
            if (node.type === 'button' && node.text?.text) {
                labels.push(node.text.text);
            }
            Object.values(node).forEach(visit);
        }
    };
    visit(blocks);
    return labels;
}

/** Who a message is from, as the room shows it: the visitor, an agent, or a bot (the app's user, or a bot account). */
export function senderKind(message) {
    if (message.senderType === 'visitor') {
        return 'visitor';
    }
    return message.senderType === 'app' || message.senderType === 'bot' ? 'bot' : 'agent';
}

/** One message (GET /host/rooms/<id>/messages) as an element; `visitorName` labels the visitor's messages. */
export function messageView(message, visitorName) {
    if (message.type) {
        return h('div', { class: 'system', dataset: { kind: 'system' } }, `${systemText(message)} · ${shortTime(message.createdAt)}`);
    }
    const kind = senderKind(message);
    const buttons = buttonLabels(message.blocks ?? []);
    return h('div', { class: `msg ${kind}`, dataset: { kind, id: message.id } },
        h('div', { class: 'by' }, h('span', {}, kind === 'visitor' ? visitorName ?? message.sender : message.sender, kind === 'bot' ? ' (bot)' : ''), h('time', {}, shortTime(message.createdAt))),
        message.text ? h('div', { class: 'text' }, formatted(withEmoji(message.text))) : null,
        (message.attachments ?? []).map(attachmentView),
        buttons.length ? h('div', { class: 'buttons' }, buttons.map((label) => h('button', { type: 'button', disabled: true }, label))) : null,
    );
}
