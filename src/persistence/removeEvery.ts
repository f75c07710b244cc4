import { IPersistence } from '@rocket.chat/apps-engine/definition/accessors';
import { RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

/**
 * Removes every record carrying all these associations and returns their data. Rocket.Chat's
 * removeByAssociations answers the data of every match, but the versions on the MongoDB driver
 * delete only the first of them (`deleteOne` in app/apps/server/bridges/persistence.ts), so while
 * a call answers more than one match it is called again.
 */
export async function removeEvery(writer: IPersistence, associations: Array<RocketChatAssociationRecord>): Promise<Array<object>> {
    let removed = (await writer.removeByAssociations(associations)) ?? [];
    const all = [...removed];
    while (removed.length > 1) {
        removed = (await writer.removeByAssociations(associations)) ?? [];
    }
    return all;
}
