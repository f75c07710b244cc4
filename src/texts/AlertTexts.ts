/** A parked delivery's alert: how many of the source are parked, and the newest one (its reason is the receiver's own answer). */
export interface ParkedAlert {
    label: string;
    source: string;
    parked: number;
    reason: string;
    room: string;
    item: string;
}

/** A failing receiver's alert: failing since `since` (a UTC time), with that many conversations waiting. */
export interface FailingAlert {
    label: string;
    minutes: number;
    since: string;
    conversations: number;
    lastError: string;
}

/**
 * What the app posts in the alert room, in one language: an alert when a condition starts and a
 * line when it clears. `label` is a platform's name; setting ids, sources, ids and receivers'
 * own error texts are never translated.
 */
export interface AlertTexts {
    /** The first post in a newly chosen alert room. */
    greeting: (failingMinutes: number, perHour: number) => string;
    /** The name alerts give the app's own endpoints (status, outbox.retry, file links), which belong to no platform. */
    appEndpoints: string;
    parked: (alert: ParkedAlert) => string;
    parkedCleared: (label: string) => string;
    failing: (alert: FailingAlert) => string;
    failingCleared: (label: string) => string;
    refusals: (label: string, count: number, minutes: number) => string;
    refusalsCleared: (label: string, quietMinutes: number) => string;
    /** `problems`: what is missing or wrong, each in words. */
    configuration: (label: string, problems: ReadonlyArray<string>) => string;
    configurationCleared: (label: string) => string;
    /** Added to the last alert a source may post this hour. */
    heldBack: (label: string, until: string, perHour: number) => string;
}
