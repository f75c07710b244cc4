import { conversationHeads, nextDue } from '../../src/outbox/conversationHeads';
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

describe('lane timing', () => {
    it('fits a run within Rocket.Chat\'s 30 s limit on a call into the app', () => {
        expect(LANE_TIMING.RUN_BUDGET_MS + LANE_TIMING.MAX_ATTEMPT_TIMEOUT_MS).toBeLessThan(30_000);
    });

    it('keeps a lane armed across the first retries, so only long backoffs wait for the sweep', () => {
        expect(LANE_TIMING.KEEP_ARMED_MS).toBeGreaterThanOrEqual(15_000);
    });
});
