import { ChatRooms } from '../host/ChatRooms';
import { LocalRocketChat } from '../host/LocalRocketChat';

/** The channel the alert suites post in. */
export const ALERTS = 'ops-alerts';

/** The app's first post in a newly chosen alert room (English). */
export const GREETING = ':bell: Tickets posts its alerts in this room: deliveries parked, receivers failing for 5 minutes, requests refused for a wrong signature or token, sources switched on without the settings they need. A line follows when each one clears; at most 3 alerts an hour per source.';

/** The texts posted in a channel or private group, oldest first (none when it does not exist). */
export function postsIn(host: LocalRocketChat, name: string): Array<string> {
    const room = new ChatRooms(host.store).byName(name);
    return room ? host.store.roomMessages(room.id).map((message) => message.text ?? '') : [];
}
