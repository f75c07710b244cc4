import { IMessageAction, IMessageAttachment, MessageActionType } from '@rocket.chat/apps-engine/definition/messages';

import { Choice } from '../../links/ConversationState';
import { attachmentFromUrl } from '../../livechat/attachmentFromUrl';
import { isObject, JsonObject } from '../../validation/fields';

export interface RenderedReply {
    text: string;
    attachments: Array<IMessageAttachment>;
    choices: Array<Choice>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

function buttonsOf(value: unknown): Array<Choice> {
    if (!Array.isArray(value)) {
        return [];
    }
    return value.filter(isObject).map((button) => ({ title: text(button.title), payload: text(button.payload) || text(button.title) })).filter((choice) => choice.title !== '');
}

/** Buttons the visitor can click in the livechat widget: clicking sends the title as the visitor's message. */
function actions(choices: ReadonlyArray<Choice>): Array<IMessageAction> {
    return choices.map((choice) => ({ type: MessageActionType.BUTTON, text: choice.title, msg: choice.title, msg_in_chat_window: true }));
}

function numbered(choices: ReadonlyArray<Choice>, offset: number): string {
    return choices.map((choice, i) => `${offset + i + 1}. ${choice.title}`).join('\n');
}

function cards(items: Array<JsonObject>, allChoices: Array<Choice>): Array<IMessageAttachment> {
    return items.map((item) => {
        const buttons = buttonsOf(item.buttons);
        const offset = allChoices.length;
        allChoices.push(...buttons);
        const attachment: IMessageAttachment = {
            title: { value: text(item.title), ...(text(item.item_url) ? { link: text(item.item_url) } : {}) },
            text: [text(item.subtitle), numbered(buttons, offset)].filter((part) => part !== '').join('\n'),
        };
        if (text(item.image_url)) {
            attachment.imageUrl = text(item.image_url);
        }
        if (buttons.length > 0) {
            attachment.actions = actions(buttons);
        }
        return attachment;
    });
}

/**
 * A UChat bot message as Rocket.Chat shows it: text; images, audio, video and files as
 * attachments; button templates as clickable buttons plus numbered choices the visitor can
 * answer by number; generic templates (cards) with title, subtitle, image and buttons.
 */
export function renderUchatReply(body: JsonObject): RenderedReply {
    const kind = text(body.type).toLowerCase();
    const attributes = isObject(body.content_attributes) ? body.content_attributes : {};
    if (['image', 'audio', 'video', 'file'].includes(kind) && text(body.url)) {
        const mime = kind === 'file' ? 'application/octet-stream' : `${kind}/*`;
        return { text: text(body.text), attachments: [attachmentFromUrl(text(body.url), mime)], choices: [] };
    }
    const contentType = text(body.content_type);
    if (contentType === 'button_template') {
        const choices = buttonsOf(attributes.buttons);
        const lead = text(attributes.text) || text(body.text);
        return {
            text: [lead, numbered(choices, 0)].filter((part) => part !== '').join('\n'),
            attachments: choices.length > 0 ? [{ actions: actions(choices) }] : [],
            choices,
        };
    }
    if (contentType === 'generic_template') {
        const choices: Array<Choice> = [];
        const items = Array.isArray(attributes.items) ? attributes.items.filter(isObject) : [];
        return { text: text(body.text), attachments: cards(items, choices), choices };
    }
    return { text: text(body.text), attachments: [], choices: [] };
}
