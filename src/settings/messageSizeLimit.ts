import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

/** Rocket.Chat's default for Message_MaxAllowedSize. */
const DEFAULT_MESSAGE_SIZE_LIMIT = 5000;

/**
 * The longest text Rocket.Chat accepts in a message a user (the app's bot user included) sends:
 * the server setting Message_MaxAllowedSize. Rocket.Chat's default when it is unset, unreadable
 * or not a positive number.
 */
export async function messageSizeLimit(read: IRead): Promise<number> {
    let value: unknown;
    try {
        value = await read.getEnvironmentReader().getServerSettings().getValueById('Message_MaxAllowedSize');
    } catch {
        return DEFAULT_MESSAGE_SIZE_LIMIT;
    }
    const parsed = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(parsed) && parsed >= 1 ? Math.floor(parsed) : DEFAULT_MESSAGE_SIZE_LIMIT;
}

/** Rocket.Chat refused a message for its length (Meteor error `error-message-size-exceeded`). */
export function isMessageTooLong(error: unknown): boolean {
    return String(error instanceof Error ? error.message : error).includes('error-message-size-exceeded');
}
