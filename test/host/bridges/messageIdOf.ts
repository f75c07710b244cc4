import { IMessage } from '@rocket.chat/apps-engine/definition/messages';

/**
 * The id a message from an app is stored under, as Rocket.Chat's AppMessagesConverter
 * (app/apps/server/converters/messages.js, convertAppMessage) decides it: a random one (the
 * engine removes the app's own `id`), unless the message's `_unmappedProperties_` (fields of
 * Rocket.Chat's message the app model does not name, copied onto the stored message) give `_id`.
 */
export function messageIdOf(message: IMessage): string | undefined {
    const unmapped = (message as IMessage & { _unmappedProperties_?: { _id?: unknown } })._unmappedProperties_;
    return typeof unmapped?._id === 'string' ? unmapped._id : undefined;
}
