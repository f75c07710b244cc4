import { LocalRocketChat } from '../host/LocalRocketChat';

const idOf = (association: unknown): string => (association as { id: string }).id;

/** Whether a persistence record is one of the app's counts of refused requests. */
export const isRefusalCount = (associations: ReadonlyArray<unknown>): boolean => associations.some((association) => idOf(association) === 'kind:refusals');

/** The refused requests the app counted, as its persistence holds them (read from the host's database, as an operator could): `<source> <reason>` → total. */
export function storedRefusals(host: LocalRocketChat, appId: string): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const record of host.store.persistence.values()) {
        if (record.appId === appId && isRefusalCount(record.associations)) {
            const { source, reason, total } = record.data as { source: string; reason: string; total: number };
            totals[`${source} ${reason}`] = (totals[`${source} ${reason}`] ?? 0) + total;
        }
    }
    return totals;
}
