import { Effect } from '../status/Problem';
import { AlertTexts } from './AlertTexts';

/** A parked delivery as the /tickets command shows it. */
export interface ParkedLine {
    id: string;
    source: string;
    room: string;
    kind: string;
    parkedAt: string;
    attempts: number;
    reason: string;
}

/**
 * Everything the app says to operators (status problems, the /tickets command), in one
 * language. Setting ids, sources, ids and receivers' own error texts are never translated.
 */
export interface OperatorTexts {
    /** What fails while a needed setting is empty; `platform` is the platform's name. */
    effect: Record<Effect, (platform: string) => string>;
    emptySetting: (setting: string, effect: string) => string;
    unknownDepartment: (setting: string, value: string) => string;
    /** A platform that must call the app first (`call`) has not yet. */
    notConnected: (platform: string, call: string) => string;

    notAllowed: string;
    /** `sources`: the sources `/tickets retry <source>` takes, comma-separated. */
    help: (sources: string) => string;
    unknownSubcommand: (given: string) => string;

    statusTitle: string;
    on: string;
    off: string;
    configured: string;
    notConfigured: string;
    openRooms: (count: number) => string;
    queued: (count: number) => string;
    parked: (count: number) => string;
    parkedTitle: (shown: number, total: number) => string;
    parkedLine: (item: ParkedLine) => string;
    noneParked: string;
    retryHint: string;

    retried: (count: number) => string;
    nothingToRetry: string;
    stillParked: (count: number) => string;
    /** `/tickets retry <x>` where x is neither a source nor a parked item's id. */
    unknownRetryTarget: (given: string, sources: string) => string;

    /** The alert room (`alert_room`) names no room. */
    alertRoomMissing: (room: string) => string;
    /** It names a room that is not a channel or a private group. */
    alertRoomNotChannel: (room: string) => string;
    /** Rocket.Chat refused the bot's post there (`error` is its own words, `at` a UTC time). */
    alertRoomRefused: (room: string, error: string, at: string) => string;
    /** `/tickets status`: the alerts' line. */
    alertsOff: string;
    alertsIn: (room: string, active: number) => string;
    /** What the app posts in the alert room. */
    alert: AlertTexts;
}
