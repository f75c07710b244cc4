import { CloserEvent } from '../../src/platforms/closer/closerEvent';
import { CLOSER_SPEAKER, closerEventId, closerInboundEvent } from '../../src/platforms/closer/closerInboundEvent';
import { closerIntro, closerOrigin, closerVisitorName } from '../../src/platforms/closer/closerOrigin';

const conversation = { id: 'conv-1', params: {}, platform: 'kakao', userKey: 'uk-1' };
const base: CloserEvent = { type: 'message_received', botId: 'Bot1', endUserId: 'eu-1', timestamp: '2024-01-01T00:00:00.000Z', conversation };
const withMessage = (type: string, text: string, id = 'msg-1'): CloserEvent => ({ ...base, type, message: { id, data: { type: 'text', text }, isUser: type === 'message_received' } });

describe('closerInboundEvent', () => {
    it('opens a room on agent_call_requested, with the ids replies need and an intro', () => {
        const mapped = closerInboundEvent({ ...base, type: 'agent_call_requested' }, false);
        expect(mapped).toEqual({
            event: {
                type: 'open',
                eventId: 'agent_call_requested:conv-1:2024-01-01T00:00:00.000Z',
                visitorToken: 'closer:Bot1:eu-1',
                origin: {
                    visitor: { token: 'closer:Bot1:eu-1', name: 'CLOSER user uk-1' },
                    platformConversation: 'conv-1',
                    externalIds: { botId: 'Bot1', endUserId: 'eu-1', conversationId: 'conv-1', userKey: 'uk-1', platform: 'kakao' },
                },
                intro: expect.stringContaining('not included in CLOSER\'s webhook'),
            },
        });
    });

    it('maps messages: received → visitor message, sent → context from the CLOSER bot; a room opens from them only when mirroring', () => {
        const received = closerInboundEvent(withMessage('message_received', '안녕하세요'), false);
        expect(received).toEqual({ event: expect.objectContaining({ type: 'user-message', eventId: 'msg-1', text: '안녕하세요', files: [], opensRoomFrom: undefined }) });
        const sent = closerInboundEvent(withMessage('message_sent', 'ยินดีต้อนรับ'), false);
        expect(sent).toEqual({ event: expect.objectContaining({ type: 'context', speaker: CLOSER_SPEAKER, text: 'ยินดีต้อนรับ', opensRoomFrom: undefined }) });
        const mirrored = closerInboundEvent(withMessage('message_received', 'hi'), true);
        expect(mirrored).toEqual({ event: expect.objectContaining({ opensRoomFrom: expect.objectContaining({ platformConversation: 'conv-1' }) }) });
    });

    it('closes on agent_call_disconnected and session_expired, saying why', () => {
        for (const type of ['agent_call_disconnected', 'session_expired']) {
            expect(closerInboundEvent({ ...base, type }, false)).toEqual({ event: expect.objectContaining({ type: 'close', comment: expect.stringContaining(type) }) });
        }
    });

    it('ignores uninteresting and unknown events, and events without the end user', () => {
        for (const type of ['friend_added', 'friend_removed', 'session_started', 'agent_call_connected', 'bot.end_user.updated', '']) {
            expect(closerInboundEvent({ ...base, type }, true)).toEqual({ ignored: expect.any(String), level: 'debug' });
        }
        expect(closerInboundEvent({ ...base, endUserId: undefined }, false)).toEqual({ ignored: 'message_received without endUserId', level: 'warn' });
        expect(closerInboundEvent({ ...base, botId: undefined }, false)).toEqual({ ignored: 'message_received without botId', level: 'warn' });
    });
});

describe('closerEventId', () => {
    it('uses the message id for messages, else the envelope id, else type, conversation and time', () => {
        expect(closerEventId(withMessage('message_received', 'x', 'm-9'), true)).toBe('m-9');
        expect(closerEventId({ ...base, envelopeId: 'ev-1' }, true)).toBe('ev-1');
        expect(closerEventId({ ...base, type: 'session_expired' }, false)).toBe('session_expired:conv-1:2024-01-01T00:00:00.000Z');
        expect(closerEventId({ ...base, type: 'session_expired', timestamp: undefined }, false)).toBeUndefined();
    });

    it('prefixes other events\' ids with their type, so a handover request is never taken for the message that triggered it', () => {
        expect(closerEventId({ ...withMessage('agent_call_requested', 'x', 'm-9') }, false)).toBe('agent_call_requested:m-9');
        expect(closerEventId({ ...base, type: 'agent_call_requested', envelopeId: 'ev-2' }, false)).toBe('agent_call_requested:ev-2');
    });
});

describe('closerOrigin and closerIntro', () => {
    it('takes the visitor name from a name-like parameter, else the user key, else the end user id', () => {
        expect(closerVisitorName({ ...base, conversation: { ...conversation, params: { 이름: '김민수' } } }, 'eu-1')).toBe('김민수');
        expect(closerVisitorName({ ...base, conversation: { ...conversation, params: { customer_name: 'Somchai' } } }, 'eu-1')).toBe('Somchai');
        expect(closerVisitorName(base, 'eu-1')).toBe('CLOSER user uk-1');
        expect(closerVisitorName({ ...base, conversation: undefined }, 'eu-1')).toBe('CLOSER user eu-1');
    });

    it('falls back to the message\'s conversation id, then the end user, and leaves out unknown ids', () => {
        const origin = closerOrigin({ ...base, conversation: undefined, message: { conversationId: 'conv-m' } }, 'Bot1', 'eu-1');
        expect(origin.platformConversation).toBe('conv-m');
        expect(origin.externalIds).toEqual({ botId: 'Bot1', endUserId: 'eu-1', conversationId: 'conv-m' });
        expect(closerOrigin({ ...base, conversation: undefined }, 'Bot1', 'eu-1').platformConversation).toBe('eu-1');
    });

    it('shows platform, user key and parameters in the intro', () => {
        const intro = closerIntro({ ...base, conversation: { ...conversation, params: { 상품: '노트북', qty: 2, extra: { a: 1 } } } });
        expect(intro).toContain('platform: kakao');
        expect(intro).toContain('userKey: uk-1');
        expect(intro).toContain('parameters: 상품=노트북, qty=2, extra={"a":1}');
        expect(closerIntro(base)).toContain('no parameters');
    });
});
