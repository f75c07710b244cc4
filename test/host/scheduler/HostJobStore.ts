import { randomBytes } from 'crypto';

/** A job document of Rocket.Chat's `rocketchat_apps_scheduler` collection (Agenda's job attributes). */
export interface JobRecord {
    _id: string;
    name: string;
    /** 'normal' for a one-time job (a new document each time), 'single' for a recurring one (one document per name). */
    type: 'normal' | 'single';
    data: Record<string, unknown>;
    priority: number;
    nextRunAt: Date | null;
    /** Absent or null while nobody runs it (MongoDB's `lockedAt: null` matches both). */
    lockedAt?: Date | null;
    lastRunAt?: Date;
    lastFinishedAt?: Date;
    repeatInterval?: string | number;
    disabled?: boolean;
    failCount?: number;
    failReason?: string;
    failedAt?: Date;
    lastModifiedBy?: string;
}

export type JobProps = Omit<JobRecord, '_id'>;

/** What a query on the collection may ask (the fields Agenda and Rocket.Chat's scheduler bridge use). */
export interface JobQuery {
    _id?: string;
    name?: string | RegExp;
    type?: JobRecord['type'];
}

const copy = (record: JobRecord): JobRecord => ({
    ...record,
    data: JSON.parse(JSON.stringify(record.data ?? {})) as Record<string, unknown>,
});

const time = (date: Date | null | undefined): number => (date ? date.getTime() : -Infinity);

/** Agenda's sort `{ nextRunAt: 1, priority: -1 }`; MongoDB sorts null before any date. */
const bySchedule = (a: JobRecord, b: JobRecord): number => time(a.nextRunAt) - time(b.nextRunAt) || b.priority - a.priority;

const matches = (record: JobRecord, query: JobQuery): boolean =>
    (query._id === undefined || record._id === query._id)
    && (query.name === undefined || (typeof query.name === 'string' ? record.name === query.name : query.name.test(record.name)))
    && (query.type === undefined || record.type === query.type);

/**
 * The scheduler's job collection, kept in the host's database so it outlives an engine (as
 * MongoDB keeps Agenda's jobs across a Rocket.Chat restart). Every operation is atomic, as
 * MongoDB's single-document operations are, so several Agenda instances can share it and a
 * job is locked by one of them at a time (packages/agenda, find-and-lock-next-job.ts).
 */
export class HostJobStore {
    private readonly jobs = new Map<string, JobRecord>();

    public insert(props: JobProps): JobRecord {
        const record: JobRecord = { ...props, _id: randomBytes(12).toString('hex') };
        this.jobs.set(record._id, record);
        return copy(record);
    }

    /** `findOneAndUpdate({_id}, {$set: props})`: undefined when the job is gone (cancelled meanwhile). */
    public update(id: string, props: Partial<JobProps>): JobRecord | undefined {
        const record = this.jobs.get(id);
        if (!record) {
            return undefined;
        }
        Object.assign(record, props);
        return copy(record);
    }

    /**
     * Agenda's save of a 'single' (recurring) job: an upsert on name and type; a `nextRunAt` that
     * is already due only applies on insert, so re-registering never moves an existing schedule.
     */
    public upsertSingle(props: JobProps, now: Date): JobRecord {
        const existing = [...this.jobs.values()].find((record) => record.name === props.name && record.type === 'single');
        const { nextRunAt, ...rest } = props;
        const protectNextRunAt = nextRunAt !== null && nextRunAt.getTime() <= now.getTime();
        if (!existing) {
            return this.insert({ ...rest, nextRunAt });
        }
        Object.assign(existing, rest, protectNextRunAt ? {} : { nextRunAt });
        return copy(existing);
    }

    /** The next job of `name` to run (due before `nextScanAt`, or locked before `lockDeadline`), locked at `now`. */
    public findAndLockNext(name: string, nextScanAt: Date, lockDeadline: Date, now: Date): JobRecord | undefined {
        const candidates = [...this.jobs.values()].filter((record) => record.name === name && record.disabled !== true && (
            (!record.lockedAt && record.nextRunAt !== null && record.nextRunAt.getTime() <= nextScanAt.getTime())
            || (record.lockedAt && record.lockedAt.getTime() <= lockDeadline.getTime())
        ));
        const next = candidates.sort(bySchedule)[0];
        if (!next) {
            return undefined;
        }
        next.lockedAt = now;
        return copy(next);
    }

    /** Locks one job if nobody has locked or rescheduled it meanwhile (Agenda's lock on the fly). */
    public lockIfUnchanged(id: string, nextRunAt: Date | null, now: Date): JobRecord | undefined {
        const record = this.jobs.get(id);
        if (!record || record.lockedAt || record.disabled === true || time(record.nextRunAt) !== time(nextRunAt)) {
            return undefined;
        }
        record.lockedAt = now;
        return copy(record);
    }

    /**
     * The recurring job `name` comes due at `now`, as it does once its interval has passed (a
     * test's clock moving on); not while an instance runs it, whose end sets its next run.
     * False when no such job is idle.
     */
    public makeDueIfIdle(name: string, now: Date): boolean {
        const record = [...this.jobs.values()].find((candidate) => candidate.name === name && candidate.type === 'single');
        if (!record || record.lockedAt) {
            return false;
        }
        record.nextRunAt = now;
        return true;
    }

    public unlock(ids: ReadonlyArray<string>): void {
        for (const id of ids) {
            const record = this.jobs.get(id);
            if (record) {
                record.lockedAt = null;
            }
        }
    }

    public find(query: JobQuery, limit = 0): Array<JobRecord> {
        const found = [...this.jobs.values()].filter((record) => matches(record, query)).map(copy);
        return limit > 0 ? found.slice(0, limit) : found;
    }

    /** `deleteMany(query)`: the number removed. */
    public remove(query: JobQuery): number {
        let removed = 0;
        for (const record of [...this.jobs.values()]) {
            if (matches(record, query)) {
                this.jobs.delete(record._id);
                removed += 1;
            }
        }
        return removed;
    }
}
