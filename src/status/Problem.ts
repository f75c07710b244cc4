
/** What a source cannot do while a setting it needs is empty. */
export type Effect =
    /** The platform's calls to the app are answered 503. */
    | 'calls-refused'
    /** Its calls are answered 503 and nothing can be sent to it. */
    | 'calls-refused-replies-not-sent'
    /** Agents' replies (and closes) cannot be sent. */
    | 'replies-not-sent'
    /** End users' messages cannot be read from the platform, nor replies sent. */
    | 'messages-not-read'
    /** Its calls are answered 503 and visitors' messages cannot reach its bot. */
    | 'bot-not-reached'
    /** Its calls are answered 503: no department is served by its bot. */
    | 'no-bot-department'
    /** A visitor asking for a human stays with the bot. */
    | 'no-handover';

/** Something missing or wrong in a source's configuration, kept as data so each reader can word it in its language. */
export type Problem =
    | { kind: 'empty-setting'; setting: string; effect: Effect }
    | { kind: 'unknown-department'; setting: string; value: string }
    /** The platform must call the app first (e.g. to give its callback URL) and has not yet. */
    | { kind: 'not-connected'; call: string }
    /** The app's own (no source's): `alert_room` names no room. */
    | { kind: 'alert-room-missing'; room: string }
    /** `alert_room` names a room that is not a channel or a private group. */
    | { kind: 'alert-room-not-a-channel'; room: string }
    /** Rocket.Chat refused the bot's last post in the alert room (`error` in its own words). */
    | { kind: 'alert-room-refused'; room: string; error: string; at: string };
