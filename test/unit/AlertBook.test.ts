import { AlertBook, Announcement } from '../../src/alerts/AlertBook';
import { AlertCondition } from '../../src/alerts/AlertCondition';
import { AlertState, NO_ALERTS } from '../../src/alerts/AlertState';

const parked = (source: string): AlertCondition => ({ kind: 'parked', source, parked: 1, reason: 'refused by the receiver: HTTP 400: no', room: 'r1', item: 'i1' });
const failing = (source: string): AlertCondition => ({ kind: 'failing', source, since: '2026-12-01T10:00:00.000Z', conversations: 1, lastError: 'HTTP 503: down' });

/** One run: the conditions holding at `at`, everything due posted; returns what was posted and the state after. */
function run(state: AlertState, conditions: ReadonlyArray<AlertCondition>, at: string): { posted: Array<Announcement>; state: AlertState } {
    const book = new AlertBook(state, new Date(at));
    book.observe(conditions);
    const posted = book.due();
    posted.forEach((announcement) => book.posted(announcement));
    return { posted, state: book.state(undefined) };
}

const kinds = (posted: ReadonlyArray<Announcement>): Array<string> => posted.map((announcement) => `${announcement.type} ${announcement.key}`);

describe('AlertBook', () => {
    it('announces a condition once when it starts and once when it clears', () => {
        const first = run(NO_ALERTS, [parked('closer')], '2026-12-01T10:00:00.000Z');
        expect(kinds(first.posted)).toEqual(['start parked:closer']);
        const again = run(first.state, [parked('closer')], '2026-12-01T10:00:30.000Z');
        expect(again.posted).toEqual([]);
        const cleared = run(again.state, [], '2026-12-01T10:01:00.000Z');
        expect(kinds(cleared.posted)).toEqual(['clear parked:closer']);
        expect(cleared.state.active).toEqual({});
    });

    it('keeps a recovery line that could not be posted until it is, and drops it if the condition came back meanwhile', () => {
        const started = run(NO_ALERTS, [parked('closer')], '2026-12-01T10:00:00.000Z').state;
        const book = new AlertBook(started, new Date('2026-12-01T10:00:30.000Z'));
        book.observe([]);
        expect(kinds(book.due())).toEqual(['clear parked:closer']);
        // Not posted (the room refused it): the next run owes it still, unless the condition holds again.
        const unposted = book.state(undefined);
        expect(kinds(run(unposted, [], '2026-12-01T10:01:00.000Z').posted)).toEqual(['clear parked:closer']);
        expect(run(unposted, [parked('closer')], '2026-12-01T10:01:00.000Z').posted).toEqual([]);
    });

    it('posts at most 3 alerts per source in any hour, says on the third until when more are held back, and posts a held one once the hour allows', () => {
        let state = NO_ALERTS;
        const starts: Array<Announcement> = [];
        for (let minute = 0; minute < 8; minute += 2) {
            const on = run(state, [parked('closer')], `2026-12-01T10:0${minute}:00.000Z`);
            starts.push(...on.posted);
            state = run(on.state, [], `2026-12-01T10:0${minute + 1}:00.000Z`).state;
        }
        expect(kinds(starts)).toEqual(['start parked:closer', 'start parked:closer', 'start parked:closer']);
        expect(starts.map((announcement) => (announcement.type === 'start' ? announcement.heldBackUntil : undefined))).toEqual([undefined, undefined, '2026-12-01T11:00:00.000Z']);
        // Another source has its own budget.
        expect(kinds(run(state, [failing('gitple')], '2026-12-01T10:09:00.000Z').posted)).toEqual(['start failing:gitple']);
        const held = run(state, [parked('closer')], '2026-12-01T10:10:00.000Z');
        expect(held.posted).toEqual([]);
        expect(held.state.active['parked:closer']).toEqual({ kind: 'parked', source: 'closer', since: '2026-12-01T10:10:00.000Z', posted: false });
        expect(kinds(run(held.state, [parked('closer')], '2026-12-01T11:00:01.000Z').posted)).toEqual(['start parked:closer']);
    });

    it('announces in a newly chosen room what still holds, and owes it no recovery line', () => {
        const started = run(NO_ALERTS, [parked('closer'), failing('closer')], '2026-12-01T10:00:00.000Z').state;
        const book = new AlertBook(started, new Date('2026-12-01T10:30:00.000Z'));
        book.observe([failing('closer')]);
        book.newRoom();
        expect(kinds(book.due())).toEqual(['start failing:closer']);
    });
});
