import { conversationHeads, nextDue } from '../../src/outbox/conversationHeads';
import { covers } from '../../src/outbox/LaneScheduler';
import { LANE_TIMING } from '../../src/outbox/laneTiming';
import { OutboxItem } from '../../src/outbox/OutboxItem';

const at = (ms: number) => new Date(1_700_000_000_000 + ms);

function item(id: string, conversationId: string, sequence: string, nextAttemptAt: Date): OutboxItem {
    return { id, conversationId, sequence, source: 'rapidpro', kind: 'agent-message', payload: {}, createdAt: at(0).toISOString(), attempts: 0, nextAttemptAt: nextAttemptAt.toISOString() };
}

describe('conversation heads: only a conversation\'s first item can go next', () => {
    it('takes each conversation\'s lowest sequence, whatever the order read', () => {
        const items = [item('b2', 'b', '2', at(0)), item('a1', 'a', '1', at(5000)), item('b1', 'b', '1', at(9000)), item('a2', 'a', '3', at(0))];
        expect(conversationHeads(items).map((head) => head.id).sort()).toEqual(['a1', 'b1']);
    });

    it('is due when the earliest head is due; items behind a waiting head do not count', () => {
        const items = [item('a1', 'a', '1', at(5000)), item('a2', 'a', '2', at(0)), item('b1', 'b', '3', at(9000))];
        expect(nextDue(items)).toEqual(at(5000));
        expect(nextDue([])).toBeUndefined();
    });
});

describe('covers: whether a lane already has a run coming for a time', () => {
    const now = at(0);

    it('no armed run → not covered', () => {
        expect(covers(undefined, now, now)).toBe(false);
        expect(covers({ source: 'rapidpro' }, now, now)).toBe(false);
    });

    it('a run armed for that time or earlier covers it, while it can still be pending or running', () => {
        expect(covers({ source: 'rapidpro', armedFor: at(-1000).toISOString() }, now, now)).toBe(true);
        expect(covers({ source: 'rapidpro', armedFor: now.toISOString() }, at(3000), now)).toBe(true);
    });

    it('a run armed for later does not cover an earlier item (a fresh item never waits for a retry time)', () => {
        expect(covers({ source: 'rapidpro', armedFor: at(60000).toISOString() }, now, now)).toBe(false);
    });

    it('a run armed longer ago than a run can last is taken as lost', () => {
        const armedFor = at(-LANE_TIMING.RUN_WINDOW_MS - 1).toISOString();
        expect(covers({ source: 'rapidpro', armedFor }, now, now)).toBe(false);
    });

    it('fits a run within Rocket.Chat\'s 30 s limit on a call into the app', () => {
        expect(LANE_TIMING.RUN_BUDGET_MS + LANE_TIMING.MAX_ATTEMPT_TIMEOUT_MS).toBeLessThan(30_000);
        expect(LANE_TIMING.RUN_WINDOW_MS).toBeGreaterThan(LANE_TIMING.RUN_BUDGET_MS + LANE_TIMING.MAX_ATTEMPT_TIMEOUT_MS);
    });
});
