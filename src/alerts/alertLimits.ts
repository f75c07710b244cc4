/** The thresholds and the rate limit of the alerts (documented in the README's "Alerts"). */
export const ALERT_LIMITS = {
    /** A source whose waiting deliveries have failed every attempt for this long gets an alert. */
    FAILING_MINUTES: 5,
    /** This many requests refused for a bad signature or token … */
    REFUSALS: 5,
    /** … within this many whole minutes (the current one and the one before: refusals are counted per minute) start an alert; */
    REFUSAL_MINUTES: 2,
    /** it clears once none came for this many whole minutes, so a steady trickle around the threshold does not flap. */
    REFUSAL_QUIET_MINUTES: 5,
    /** At most this many alerts (their recovery lines not counted) per source in any hour; more are held back until the hour allows. */
    ALERTS_PER_SOURCE_PER_HOUR: 3,
    /** After Rocket.Chat refused a post in the alert room, posting is tried again this much later (each refusal is logged by the server). */
    ROOM_RETRY_MINUTES: 5,
};
