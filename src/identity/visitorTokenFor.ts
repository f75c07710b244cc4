import { createHmac } from 'crypto';

/**
 * The Rocket.Chat visitor token of an end user the app registers: HMAC-SHA256 of the source
 * and the platform's own key for the end user (as the platform sends it, or `<platform>:…`)
 * under the installation secret, as 64 hex digits. Stable for one end user
 * within one installation; nobody without the secret can derive it from the outside id.
 */
export function visitorTokenFor(secret: string, source: string, contactKey: string): string {
    return createHmac('sha256', secret).update(`${source}\n${contactKey}`, 'utf8').digest('hex');
}
