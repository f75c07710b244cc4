import { AlertCondition, AlertKind, conditionKey } from './AlertCondition';
import { ALERT_LIMITS } from './alertLimits';
import { ActiveAlert, AlertState } from './AlertState';

const HOUR_MS = 3600_000;

/** Something to post: an alert (with, on a source's last alert of the hour, until when more are held back) or a recovery line. */
export type Announcement =
    | { type: 'start'; key: string; condition: AlertCondition; heldBackUntil?: string }
    | { type: 'clear'; key: string; kind: AlertKind; source: string };

/**
 * The alert job's bookkeeping, pure: which conditions hold (and since when), which alerts reached
 * the room, and each source's alerts of the last hour. An alert is posted once when its
 * condition starts and a recovery line once when it clears (only for an alert that was posted).
 * A source posts at most ALERT_LIMITS.ALERTS_PER_SOURCE_PER_HOUR alerts in any hour: one
 * starting beyond that is held back, and posted once the hour allows if it still holds (if it
 * clears meanwhile, nothing is posted for it).
 */
export class AlertBook {
    private readonly active: Record<string, ActiveAlert>;
    private readonly postedAt: Record<string, Array<string>>;
    private readonly holding = new Map<string, AlertCondition>();

    constructor(state: AlertState, private readonly now: Date) {
        this.active = {};
        for (const [key, alert] of Object.entries(state.active)) {
            this.active[key] = { ...alert };
        }
        this.postedAt = {};
        const hourAgo = now.getTime() - HOUR_MS;
        for (const [source, times] of Object.entries(state.posted)) {
            const recent = times.filter((time) => Date.parse(time) > hourAgo);
            if (recent.length > 0) {
                this.postedAt[source] = recent;
            }
        }
    }

    /** Whether the condition held at the last run (for thresholds that clear lower than they start). */
    public held(key: string): boolean {
        const alert = this.active[key];
        return alert !== undefined && alert.cleared !== true;
    }

    /** The conditions holding now: new ones are noted, those gone are cleared (forgotten at once when their alert never reached the room). */
    public observe(conditions: ReadonlyArray<AlertCondition>): void {
        for (const condition of conditions) {
            const key = conditionKey(condition);
            this.holding.set(key, condition);
            const known = this.active[key];
            if (known) {
                delete known.cleared;
            } else {
                this.active[key] = { kind: condition.kind, source: condition.source, since: this.now.toISOString(), posted: false };
            }
        }
        for (const [key, alert] of Object.entries(this.active)) {
            if (this.holding.has(key)) {
                continue;
            }
            if (alert.posted) {
                alert.cleared = true;
            } else {
                delete this.active[key];
            }
        }
    }

    /** The alert room changed: it has seen nothing, so every condition still holding is announced there afresh, and no recovery line is owed. */
    public newRoom(): void {
        for (const [key, alert] of Object.entries(this.active)) {
            if (alert.cleared) {
                delete this.active[key];
            } else {
                alert.posted = false;
            }
        }
    }

    /** What to post now, in order: recovery lines, then alerts each source's hourly budget allows. */
    public due(): Array<Announcement> {
        const clears: Array<Announcement> = Object.entries(this.active)
            .filter(([, alert]) => alert.cleared)
            .map(([key, alert]) => ({ type: 'clear', key, kind: alert.kind, source: alert.source }));
        const starts: Array<Announcement> = [];
        const budget = new Map<string, Array<string>>();
        for (const [key, condition] of this.holding) {
            if (this.active[key].posted) {
                continue;
            }
            const times = budget.get(condition.source) ?? [...(this.postedAt[condition.source] ?? [])];
            budget.set(condition.source, times);
            if (times.length >= ALERT_LIMITS.ALERTS_PER_SOURCE_PER_HOUR) {
                continue;
            }
            times.push(this.now.toISOString());
            const last = times.length === ALERT_LIMITS.ALERTS_PER_SOURCE_PER_HOUR;
            starts.push({ type: 'start', key, condition, ...(last ? { heldBackUntil: new Date(Date.parse(times[0]) + HOUR_MS).toISOString() } : {}) });
        }
        return [...clears, ...starts];
    }

    /** An announcement reached the room. */
    public posted(announcement: Announcement): void {
        if (announcement.type === 'clear') {
            delete this.active[announcement.key];
            return;
        }
        this.active[announcement.key].posted = true;
        const source = announcement.condition.source;
        this.postedAt[source] = [...(this.postedAt[source] ?? []), this.now.toISOString()];
    }

    /** The state to keep (the alert room's part is the caller's). */
    public state(room: AlertState['room']): AlertState {
        return { active: this.active, posted: this.postedAt, ...(room ? { room } : {}) };
    }
}
