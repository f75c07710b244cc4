import { HttpError } from '../../src/http/HttpError';
import { closerEvents, normaliseCloserEvent } from '../../src/platforms/closer/closerEvent';

/** The seed's example payload (004), verbatim apart from the text. */
const seedEvent = {
    type: 'message_sent',
    botId: 'Bp2gkd',
    message: {
        timestamp: '2018-02-05T03:50:54.887Z',
        data: { text: '안녕하세요. 시작 메시지 입니다.', type: 'text' },
        id: 'bb2b8e8c-7b32-47a4-a1b1-3c15ce530a80',
        conversationId: 'b2df2960-62f4-408a-86d4-d484dea51d74',
        isUser: false,
    },
    timestamp: '2018-02-05T03:50:54.888Z',
    endUserId: '0369b88b-168e-4946-9d29-df5b456b6a30',
    conversation: {
        id: 'b2df2960-62f4-408a-86d4-d484dea51d74',
        params: {},
        navigation: { lastNode: { flowId: 1, nodeId: 3, visitCount: 1 } },
        platform: 'web',
        userKey: '978bd68d3954cf4ac21e1d0f4918ab0a',
    },
};

describe('closerEvents', () => {
    it('reads the seed\'s single event', () => {
        const [event] = closerEvents(seedEvent);
        expect(event).toEqual({
            type: 'message_sent',
            envelopeId: undefined,
            botId: 'Bp2gkd',
            endUserId: '0369b88b-168e-4946-9d29-df5b456b6a30',
            timestamp: '2018-02-05T03:50:54.888Z',
            message: seedEvent.message,
            conversation: seedEvent.conversation,
        });
    });

    it('reads a batch in order, taking each event\'s data as its fields and filling in from the event', () => {
        const { type, botId, timestamp, ...inner } = seedEvent;
        const events = closerEvents({
            id: 'wh-delivery-1',
            webhookId: 'wh-1',
            webhookUrl: 'https://rc.example/closer',
            messages: [
                { id: 'ev-1', name: 'agent_call_requested', botId: 'Bp2gkd', timestamp: 1700000000000, data: { endUserId: 'u-1', conversation: { id: 'c-1' } } },
                { id: 'ev-2', type, botId, timestamp: 1700000000001, data: inner },
                seedEvent,
                { id: 'ev-3', name: 'bot.end_user.updated', botId: 'Bp2gkd', timestamp: 1700000000002, data: { endUser: { id: 'u-9' } } },
            ],
        });
        expect(events.map((event) => event.type)).toEqual(['agent_call_requested', 'message_sent', 'message_sent', 'bot.end_user.updated']);
        expect(events[0]).toEqual(expect.objectContaining({ envelopeId: 'ev-1', botId: 'Bp2gkd', endUserId: 'u-1', timestamp: '1700000000000', conversation: { id: 'c-1' } }));
        expect(events[1]).toEqual(expect.objectContaining({ envelopeId: 'ev-2', botId: 'Bp2gkd', endUserId: seedEvent.endUserId, message: seedEvent.message }));
        expect(events[2].envelopeId).toBeUndefined();
        expect(events[3].endUserId).toBe('u-9');
    });

    it('prefers the name of a batched event over the type inside its data', () => {
        expect(normaliseCloserEvent({ id: 'e', name: 'session_expired', data: { type: 'message_sent' } }).type).toBe('session_expired');
        expect(normaliseCloserEvent({ id: 'e', data: { type: 'message_sent' } }).type).toBe('message_sent');
    });

    it('keeps entries that are not objects as nameless events (ignored later, never a failure)', () => {
        expect(closerEvents({ messages: [1, 'x', null] }).map((event) => event.type)).toEqual(['', '', '']);
        expect(closerEvents({ hello: 'world' })).toEqual([expect.objectContaining({ type: '' })]);
    });

    it('refuses a body that is not an object, or messages that are not a list, with 400', () => {
        for (const body of [undefined, null, 'text', 42, [seedEvent]]) {
            expect(() => closerEvents(body)).toThrow(HttpError);
        }
        expect(() => closerEvents({ messages: { a: 1 } })).toThrow(/messages/);
    });
});
