import { IPersistence } from '@rocket.chat/apps-engine/definition/accessors';

/** A store's writer for a write; a store opened with its reader only (`store` names it) refuses to write. */
export function requireWriter(writer: IPersistence | undefined, store: string): IPersistence {
    if (!writer) {
        throw new Error(`${store} opened read-only`);
    }
    return writer;
}
