import { HostAgenda, HostJob } from '../host/scheduler/HostAgenda';
import { HostJobStore } from '../host/scheduler/HostJobStore';
import { waitFor } from '../support/waitFor';

/**
 * The host's Agenda behaves like the one Rocket.Chat runs app jobs with (packages/agenda,
 * apps/meteor/app/apps/server/bridges/scheduler.ts): one running job per name and instance,
 * its queue order, polling, one-time jobs kept in the store across restarts and never
 * retried, recurring jobs that never overlap, locks shared by instances.
 */
describe('the host scheduler (Agenda as Rocket.Chat runs it)', () => {
    const agendas: Array<HostAgenda> = [];
    afterEach(async () => {
        await Promise.all(agendas.splice(0).map((agenda) => agenda.stop()));
    });

    interface Run {
        name: string;
        tag: unknown;
        start: number;
        end?: number;
    }

    function instance(store: HostJobStore, name = 'a', processEvery = 5000): { agenda: HostAgenda; runs: Array<Run>; failures: Array<string> } {
        const failures: Array<string> = [];
        const agenda = new HostAgenda(store, { name, defaultConcurrency: 1, processEvery, onFail: (job, error) => failures.push(`${job.attrs.name}: ${String(error)}`) });
        agendas.push(agenda);
        return { agenda, runs: [], failures };
    }

    /** A job function that records its run and takes `ms`; `fail` makes it reject. */
    const work = (runs: Array<Run>, ms: number, fail = false) => async (job: HostJob): Promise<void> => {
        const run: Run = { name: job.attrs.name, tag: job.attrs.data.tag, start: Date.now() };
        runs.push(run);
        await new Promise((resolve) => setTimeout(resolve, ms));
        run.end = Date.now();
        if (fail) {
            throw new Error('boom');
        }
    };

    const overlapping = (runs: Array<Run>): boolean => runs.some((a, i) => runs.some((b, j) => i !== j && a.start < (b.end ?? Infinity) && b.start < (a.end ?? Infinity)));

    it('starts a job due now at once, and runs jobs of one name one at a time', async () => {
        const { agenda, runs } = instance(new HostJobStore());
        agenda.define('deliver', work(runs, 300));
        await agenda.start();
        await new Promise((resolve) => setImmediate(resolve));
        const scheduledAt = Date.now();
        await agenda.schedule(new Date(), 'deliver', { tag: 1 });
        await agenda.schedule(new Date(), 'deliver', { tag: 2 });
        await waitFor('both runs', () => runs.length === 2 && runs.every((run) => run.end));
        expect(runs[0].start - scheduledAt).toBeLessThan(200);
        expect(overlapping(runs)).toBe(false);
    });

    it('creates a new job document for every schedule of the same name and data', async () => {
        const store = new HostJobStore();
        const { agenda } = instance(store);
        agenda.define('deliver', async () => undefined);
        const later = new Date(Date.now() + 3600000);
        await agenda.schedule(later, 'deliver', { same: true });
        await agenda.schedule(later, 'deliver', { same: true });
        expect(store.find({ name: 'deliver' })).toHaveLength(2);
    });

    it('holds every other job while an earlier job of a busy name waits in its queue', async () => {
        const { agenda, runs } = instance(new HostJobStore());
        agenda.define('slow', work(runs, 1500));
        agenda.define('other', work(runs, 10));
        await agenda.start();
        await new Promise((resolve) => setImmediate(resolve));
        await agenda.schedule(new Date(), 'slow', { tag: 'first' });
        await waitFor('the first slow run', () => runs.length === 1);
        await agenda.schedule(new Date(), 'slow', { tag: 'second' });
        await agenda.schedule(new Date(), 'other', { tag: 'other' });
        await waitFor('every run', () => runs.length === 3 && runs.every((run) => run.end), 10000);
        const first = runs.find((run) => run.tag === 'first')!;
        const other = runs.find((run) => run.tag === 'other')!;
        expect(other.start).toBeGreaterThanOrEqual(first.end!);
    });

    it('runs a job of another name beside a running one when no job of the busy name waits', async () => {
        const { agenda, runs } = instance(new HostJobStore());
        agenda.define('slow', work(runs, 1500));
        agenda.define('other', work(runs, 10));
        await agenda.start();
        await new Promise((resolve) => setImmediate(resolve));
        await agenda.schedule(new Date(), 'slow', { tag: 'slow' });
        await waitFor('the slow run', () => runs.length === 1);
        await agenda.schedule(new Date(), 'other', { tag: 'other' });
        await waitFor('the other run', () => runs.some((run) => run.tag === 'other' && run.end));
        expect(runs.find((run) => run.tag === 'slow')!.end).toBeUndefined();
    });

    it('finds a job due after the next poll with the poll, and runs it at its time, not before', async () => {
        const { agenda, runs } = instance(new HostJobStore(), 'a', 400);
        agenda.define('later', work(runs, 0));
        await agenda.start();
        const due = Date.now() + 1500;
        await agenda.schedule(new Date(due), 'later', { tag: 'later' });
        await waitFor('the run', () => runs.length === 1, 5000);
        expect(runs[0].start).toBeGreaterThanOrEqual(due - 5);
        expect(runs[0].start - due).toBeLessThan(300);
    });

    it('keeps one-time jobs in the store across a restart and runs them on the new instance', async () => {
        const store = new HostJobStore();
        const first = instance(store);
        first.agenda.define('deliver', work(first.runs, 0));
        await first.agenda.start();
        await first.agenda.schedule(new Date(Date.now() + 700), 'deliver', { tag: 'kept' });
        await first.agenda.stop();
        expect(store.find({ name: 'deliver' })).toHaveLength(1);
        const second = instance(store, 'b', 300);
        second.agenda.define('deliver', work(second.runs, 0));
        await second.agenda.start();
        await waitFor('the kept job to run', () => second.runs.length === 1, 5000);
        expect(first.runs).toHaveLength(0);
        expect(second.runs[0].tag).toBe('kept');
    });

    it('never retries a failing one-time job: it stays in the store, failed, with no next run', async () => {
        const store = new HostJobStore();
        const { agenda, runs, failures } = instance(store, 'a', 100);
        const ticks: Array<Run> = [];
        agenda.define('fails', work(runs, 0, true));
        agenda.define('tick', work(ticks, 0));
        await agenda.start();
        await agenda.schedule(new Date(), 'fails', {});
        await waitFor('the failure', () => failures.length === 1);
        const ticksBefore = ticks.length;
        await agenda.every(100, 'tick', {});
        // the scheduler kept working: a recurring job ran five times since
        await waitFor('five ticks', () => ticks.length >= ticksBefore + 5, 5000);
        expect(runs).toHaveLength(1);
        const [job] = store.find({ name: 'fails' });
        expect(job.failReason).toBe('boom');
        expect(job.nextRunAt).toBeNull();
    });

    it('runs a recurring job on its interval, never overlapping itself, and keeps its schedule when registered again', async () => {
        const store = new HostJobStore();
        const { agenda, runs } = instance(store, 'a', 100);
        agenda.define('sweep', work(runs, 250));
        await agenda.every(100, 'sweep', {});
        await agenda.start();
        await waitFor('three runs', () => runs.filter((run) => run.end).length >= 3, 5000);
        expect(overlapping(runs)).toBe(false);
        const before = store.find({ name: 'sweep' })[0].nextRunAt;
        await agenda.every(100, 'sweep', {});
        expect(store.find({ name: 'sweep' })).toHaveLength(1);
        expect(store.find({ name: 'sweep' })[0].nextRunAt).toEqual(before);
    });

    it('runs a job once when several instances share the store (each job is locked by one)', async () => {
        const store = new HostJobStore();
        const a = instance(store, 'a', 100);
        const b = instance(store, 'b', 100);
        const runs: Array<Run> = [];
        a.agenda.define('deliver', work(runs, 200));
        b.agenda.define('deliver', work(runs, 200));
        await Promise.all([a.agenda.start(), b.agenda.start()]);
        for (let i = 0; i < 6; i++) {
            await a.agenda.schedule(new Date(Date.now() + 300), 'deliver', { tag: i });
        }
        await waitFor('six runs', () => runs.filter((run) => run.end).length === 6, 10000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(runs.map((run) => run.tag).sort()).toEqual([0, 1, 2, 3, 4, 5]);
        expect(store.find({ name: 'deliver' }).every((job) => job.nextRunAt === null && !job.lockedAt)).toBe(true);
    });

    it('cancels jobs by name or by a name pattern (an app\'s jobs end with _<appId>)', async () => {
        const store = new HostJobStore();
        const { agenda } = instance(store);
        const later = new Date(Date.now() + 3600000);
        await agenda.schedule(later, 'deliver_app1', {});
        await agenda.schedule(later, 'sweep_app1', {});
        await agenda.schedule(later, 'deliver_app2', {});
        expect(await agenda.cancel({ name: /_app1$/ })).toBe(2);
        expect(store.find({}).map((job) => job.name)).toEqual(['deliver_app2']);
    });
});
