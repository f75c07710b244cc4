import { HttpError } from '../../http/HttpError';
import { bodyObject, httpUrl, optionalObject, requiredText } from '../../validation/fields';

/** `PUT /settings`: `{"webhook":{"url":"https://<rapidpro>/mr/tickets/types/rocketchat/event_callback/<uuid>"}}`. */
export function parseCallbackSettings(body: unknown): string {
    const webhook = optionalObject(bodyObject(body), 'webhook', 'webhook');
    if (!webhook) {
        throw HttpError.badRequest('"webhook" is required: {"webhook":{"url":"…"}}');
    }
    return httpUrl(requiredText(webhook, 'url', 'webhook.url', 2000), 'webhook.url');
}
