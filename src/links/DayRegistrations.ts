import { utcDay } from '../time/utcDay';

/**
 * Which UTC day this app process has registered, when that day is today. The retention job
 * never forgets today (it keeps everything for at least a day), so today's registration stands
 * and later closes of the day skip it; a close dated another day always registers its day.
 */
export class DayRegistrations {
    private today?: string;

    public needs(day: string): boolean {
        return day !== this.today;
    }

    public registered(day: string, now: number): void {
        if (day === utcDay(now)) {
            this.today = day;
        }
    }
}

/** The app process's registrations. */
export const dayRegistrations = new DayRegistrations();
