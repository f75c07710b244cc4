import { ConversationLink } from '../../src/links/ConversationLink';
import { conversationState } from '../../src/links/ConversationState';

const link = (extra: Partial<ConversationLink>): ConversationLink => ({
    source: 'uchat', conversationKey: 'room:r1', visitorToken: 'v1', roomId: 'r1', open: true, externalIds: {}, createdAt: '2026-12-01T00:00:00.000Z', ...extra,
});

describe('conversationState', () => {
    it('is the link\'s own state when it has one', () => {
        const choices = [{ title: 'Orders', payload: 'ORDERS' }];
        expect(conversationState(link({ state: { handedOver: true, choices }, externalIds: { handedOver: 'false' } }))).toEqual({ handedOver: true, choices });
    });

    it('reads links written before the state had its own field (flags kept among the external ids)', () => {
        const choices = [{ title: 'Talk to a human', payload: 'human' }];
        expect(conversationState(link({ externalIds: { handedOver: 'true', choices: JSON.stringify(choices) } }))).toEqual({ handedOver: true, choices });
        expect(conversationState(link({ externalIds: { choices: 'not json' } }))).toEqual({});
        expect(conversationState(link({}))).toEqual({});
    });
});
