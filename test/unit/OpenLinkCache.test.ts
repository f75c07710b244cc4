import { ConversationLink } from '../../src/links/ConversationLink';
import { openLinkCache } from '../../src/links/OpenLinkCache';

const link = (roomId: string, open = true): ConversationLink => ({
    source: 'rapidpro', conversationKey: `ticket-${roomId}`, visitorToken: 'token', roomId, open, externalIds: {}, createdAt: '2026-12-08T00:00:00.000Z',
});

describe('OpenLinkCache', () => {
    it('remembers open links by room and forgets one noted closed', () => {
        openLinkCache.note(link('r1'));
        expect(openLinkCache.get('r1')?.conversationKey).toBe('ticket-r1');
        openLinkCache.note(link('r1', false));
        expect(openLinkCache.get('r1')).toBeUndefined();
    });

    it('forgets on request', () => {
        openLinkCache.note(link('r2'));
        openLinkCache.forget('r2');
        expect(openLinkCache.get('r2')).toBeUndefined();
    });

    it('keeps at most 5000 rooms, dropping the least recently noted first', () => {
        openLinkCache.note(link('first'));
        openLinkCache.note(link('kept'));
        for (let i = 0; i < 4998; i += 1) {
            openLinkCache.note(link(`filler-${i}`));
        }
        // Noted again: the newest now, so the next additions drop "first" and not it.
        openLinkCache.note(link('kept'));
        openLinkCache.note(link('one-more'));
        expect(openLinkCache.get('first')).toBeUndefined();
        expect(openLinkCache.get('kept')).toBeDefined();
        expect(openLinkCache.get('one-more')).toBeDefined();
    });
});
