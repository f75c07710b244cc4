/** The UTC calendar day of a time, as `YYYY-MM-DD` (these sort in time order as text). */
export function utcDay(time: Date | number): string {
    return new Date(time).toISOString().slice(0, 10);
}
