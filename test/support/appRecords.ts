import { PersistenceRecord } from '../host/HostStore';
import { LocalRocketChat } from '../host/LocalRocketChat';

type Association = { model: string; id: string };

const associationsOf = (record: PersistenceRecord): Array<Association> => record.associations as unknown as Array<Association>;

/** The app's persistence records in the host's store (Rocket.Chat's `apps_persistence` documents of the app). */
export function appRecords(host: LocalRocketChat, appId: string): Array<PersistenceRecord> {
    return [...host.store.persistence.values()].filter((record) => record.appId === appId);
}

/** The record's kind, as the app marks it (the association `kind:<kind>`). */
export function kindOf(record: PersistenceRecord): string | undefined {
    return associationsOf(record).find((association) => association.id.startsWith('kind:'))?.id.slice('kind:'.length);
}

/** Whether the record belongs to a room: keyed by it (its link, markers, index entry, outbox items) or naming it (the end user's pointer). */
function isOfRoom(record: PersistenceRecord, roomId: string): boolean {
    const data = record.data as { roomId?: unknown; conversationId?: unknown };
    return data.roomId === roomId || data.conversationId === roomId || associationsOf(record).some((association) => association.id === roomId || association.id.endsWith(`:${roomId}`));
}

/** The kinds of the room's records, sorted (e.g. `['closed-link', 'link', 'visitor-link']`). */
export function kindsOfRoom(host: LocalRocketChat, appId: string, roomId: string): Array<string> {
    return appRecords(host, appId).filter((record) => isOfRoom(record, roomId)).map((record) => kindOf(record) ?? '?').sort();
}

/** JSON size of records as the bench counts them: data plus associations. */
export function recordBytes(records: ReadonlyArray<PersistenceRecord>): number {
    return records.reduce((sum, record) => sum + Buffer.byteLength(JSON.stringify(record.data)) + Buffer.byteLength(JSON.stringify(record.associations)), 0);
}
