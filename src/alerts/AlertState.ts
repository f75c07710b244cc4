import { AlertKind } from './AlertCondition';

/** A condition as the alert job last saw it hold. */
export interface ActiveAlert {
    kind: AlertKind;
    source: string;
    /** When the job first saw it hold. */
    since: string;
    /** Whether its alert reached the alert room (then its recovery line will too). */
    posted: boolean;
    /** It no longer holds, and its recovery line waits for the room. */
    cleared?: boolean;
}

/** The alert room as the job last tried it. */
export interface AlertRoomState {
    /** The setting's value it was tried under. */
    name: string;
    /** The room greeted there (the alerts of a newly chosen room start over). */
    greetedRoom?: string;
    /** The setting names no room, or a room alerts are not posted in (noted to log it once). */
    unusable?: 'missing' | 'not-a-channel';
    /** Rocket.Chat's refusal of the last post, until a post goes through. */
    failure?: { at: string; room: string; error: string };
}

/**
 * What the alert job keeps between its runs (one record, shared by every instance; the job
 * runs on one instance at a time): the conditions it saw hold, the alerts posted per source
 * in the last hour (the rate limit), and the alert room.
 */
export interface AlertState {
    active: Record<string, ActiveAlert>;
    posted: Record<string, Array<string>>;
    room?: AlertRoomState;
}

export const NO_ALERTS: AlertState = { active: {}, posted: {} };
