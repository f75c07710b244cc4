import { Problem } from '../status/Problem';

/** What an alert is about: each source has at most one alert of each kind at a time. */
export type AlertKind = 'parked' | 'failing' | 'refusals' | 'configuration';

/** A condition that holds now, with the facts its alert tells (never a secret, never a contact's personal data). */
export type AlertCondition =
    /** Deliveries of the source are parked: how many, and the newest one's reason (the receiver's answer), room and id. */
    | { kind: 'parked'; source: string; parked: number; reason: string; room: string; item: string }
    /** Every attempt of the source's waiting deliveries has failed since `since`, for at least FAILING_MINUTES. */
    | { kind: 'failing'; source: string; since: string; conversations: number; lastError: string }
    /** Requests refused for a bad signature or token, `count` of them in the last minutes. */
    | { kind: 'refusals'; source: string; count: number }
    /** The source is switched on, and settings or departments it needs are missing or wrong. */
    | { kind: 'configuration'; source: string; problems: ReadonlyArray<Problem> };

/** The state key of a condition: one per kind and source. */
export function conditionKey(condition: { kind: AlertKind; source: string }): string {
    return `${condition.kind}:${condition.source}`;
}
