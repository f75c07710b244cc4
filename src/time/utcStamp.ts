/** `2024-05-01 13:04:05 UTC`: a time always shown in UTC, with the zone; `unknown` when there is none or it is not a time. */
export function utcStamp(iso: string | undefined, unknown = '(unknown time)'): string {
    const date = iso ? new Date(iso) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
        return unknown;
    }
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
