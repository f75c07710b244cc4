import { IRoom } from '@rocket.chat/apps-engine/definition/rooms';

import { serverLanguage } from '../command/operatorLanguage';
import { AppContext } from '../context/AppContext';
import { SettingId } from '../settings/SettingId';
import { textsFor } from '../texts/textsFor';
import { AlertBook, Announcement } from './AlertBook';
import { alertConditions } from './alertConditions';
import { ALERT_LIMITS } from './alertLimits';
import { AlertRoom, alertRoomName } from './AlertRoom';
import { AlertRoomState } from './AlertState';
import { AlertStateStore } from './AlertStateStore';
import { announcementText } from './announcementText';
import { redactSecrets, secretValues } from './redactSecrets';

/** The part of the app's context the alert job uses. */
export type AlertJobDeps = Pick<AppContext, 'appId' | 'read' | 'modify' | 'persistence' | 'settings' | 'logger'>;

const MINUTE_MS = 60_000;

/** Posts the greeting (a newly chosen room) and what is due, in order, until Rocket.Chat refuses one; returns the room's state after. */
async function post(deps: AlertJobDeps, book: AlertBook, name: string, room: IRoom, greet: boolean, now: Date): Promise<AlertRoomState> {
    const announcements: Array<Announcement | 'greeting'> = [...(greet ? ['greeting' as const] : []), ...book.due()];
    if (announcements.length === 0) {
        return { name, greetedRoom: room.id };
    }
    const texts = textsFor(await serverLanguage(deps.read));
    const secrets = await secretValues(deps.settings);
    const poster = new AlertRoom(deps.read, deps.modify, deps.appId);
    for (const announcement of announcements) {
        const text = announcement === 'greeting' ? texts.alert.greeting(ALERT_LIMITS.FAILING_MINUTES, ALERT_LIMITS.ALERTS_PER_SOURCE_PER_HOUR) : announcementText(announcement, texts);
        const refusal = await poster.post(room, redactSecrets(text, secrets));
        if (refusal !== undefined) {
            deps.logger.warn(`alerts: Rocket.Chat refused the post in "${name}" (room ${room.id}): ${refusal}; trying again in ${ALERT_LIMITS.ROOM_RETRY_MINUTES} minutes`);
            // Not greeted: once a post goes through again, the room is greeted and told what still holds.
            return { name, failure: { at: now.toISOString(), room: room.id, error: refusal } };
        }
        if (announcement !== 'greeting') {
            book.posted(announcement);
            deps.logger.info(`alerts: posted in "${name}": ${announcement.type === 'clear' ? 'cleared' : 'alert'} ${announcement.key}`);
        }
    }
    return { name, greetedRoom: room.id };
}

/**
 * One run of the alert job (a recurring scheduler job: one run at a time across instances, its
 * state in app persistence, so a condition gives one alert however many instances there are):
 * finds what holds now, and posts each new alert and each recovery line in the alert room as
 * the app's bot user, in the server's default language. Nothing happens while `alert_room` is
 * empty. A room that is missing, not a channel or group, or refuses the post is noted (status
 * shows it) and the alerts wait; after a refusal, posting is tried again ROOM_RETRY_MINUTES later.
 */
export async function runAlertJob(deps: AlertJobDeps, now = new Date()): Promise<void> {
    const name = alertRoomName(await deps.settings.text(SettingId.AlertRoom));
    if (name === '') {
        return;
    }
    const store = new AlertStateStore(deps.read.getPersistenceReader(), deps.persistence);
    const state = await store.get();
    const book = new AlertBook(state, now);
    book.observe(await alertConditions(deps.read, deps.settings, now, (key) => book.held(key)));
    const previous = state.room?.name === name ? state.room : undefined;
    const lookup = await AlertRoom.find(deps.read, name);
    let room: AlertRoomState;
    if ('problem' in lookup) {
        if (previous?.unusable !== lookup.problem) {
            deps.logger.warn(`alerts: alert_room "${name}" ${lookup.problem === 'missing' ? 'names no room' : 'is not a channel or a private group'}; alerts wait`);
        }
        room = { name, unusable: lookup.problem, ...(previous?.greetedRoom ? { greetedRoom: previous.greetedRoom } : {}) };
    } else if (previous?.failure?.room === lookup.room.id && now.getTime() - Date.parse(previous.failure.at) < ALERT_LIMITS.ROOM_RETRY_MINUTES * MINUTE_MS) {
        room = previous;
    } else {
        const greet = previous?.greetedRoom !== lookup.room.id;
        if (greet) {
            book.newRoom();
        }
        room = await post(deps, book, name, lookup.room, greet, now);
    }
    const next = book.state(room);
    if (JSON.stringify(next) !== JSON.stringify(state)) {
        await store.save(next);
    }
}
