import { IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { Problem } from '../status/Problem';
import { AlertKind } from './AlertCondition';
import { AlertRoom, alertRoomName } from './AlertRoom';
import { AlertStateStore } from './AlertStateStore';

/** The alerts as status shows them. */
export interface AlertsStatus {
    /** The room `alert_room` names; null while alerts are off. */
    room: string | null;
    /** The conditions that held at the alert job's last run, and whether their alert reached the room. */
    active: Array<{ source: string; condition: AlertKind; since: string; posted: boolean }>;
    /** What keeps alerts from reaching the room. */
    problems: Array<Problem>;
}

/**
 * Where alerts go and what stops them: the room is looked up now (missing, or not a channel or
 * private group), and Rocket.Chat's refusal of the alert job's last post there is read from the
 * job's state. Two round trips while alerts are on, none while they are off.
 */
export async function alertsStatus(read: IRead, settings: AppSettings): Promise<AlertsStatus> {
    const name = alertRoomName(await settings.text(SettingId.AlertRoom));
    if (name === '') {
        return { room: null, active: [], problems: [] };
    }
    const [lookup, state] = await Promise.all([AlertRoom.find(read, name), new AlertStateStore(read.getPersistenceReader()).get()]);
    const problems: Array<Problem> = [];
    if ('problem' in lookup) {
        problems.push(lookup.problem === 'missing' ? { kind: 'alert-room-missing', room: name } : { kind: 'alert-room-not-a-channel', room: name });
    } else {
        const failure = state.room?.name === name ? state.room.failure : undefined;
        if (failure && failure.room === lookup.room.id) {
            problems.push({ kind: 'alert-room-refused', room: name, error: failure.error, at: failure.at });
        }
    }
    const active = Object.values(state.active)
        .filter((alert) => !alert.cleared)
        .map((alert) => ({ source: alert.source, condition: alert.kind, since: alert.since, posted: alert.posted }));
    return { room: name, active, problems };
}
