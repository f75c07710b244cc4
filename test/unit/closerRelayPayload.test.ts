import { ConversationLink } from '../../src/links/ConversationLink';
import { closerRelayPayload } from '../../src/platforms/closer/closerRelayPayload';

const link: ConversationLink = {
    source: 'closer',
    conversationKey: 'conv-1@x',
    visitorToken: 'closer:Bot1:eu-1',
    roomId: 'room-1',
    open: true,
    externalIds: { botId: 'Bot1', endUserId: 'eu-1', conversationId: 'conv-1', userKey: 'uk-1' },
    createdAt: '2024-01-01T00:00:00.000Z',
};
const now = new Date('2024-05-06T07:08:09.000Z');

describe('closerRelayPayload', () => {
    it('describes an agent message with its attachments', () => {
        const reply = { text: '감사합니다', attachments: [{ url: 'https://rc.example/file-upload/1/a.png', mimeType: 'image/png', name: 'a.png' }] };
        expect(closerRelayPayload('agent_message', link, reply, now)).toEqual({
            event: 'agent_message',
            botId: 'Bot1',
            conversationId: 'conv-1',
            userKey: 'uk-1',
            endUserId: 'eu-1',
            platform: null,
            text: '감사합니다',
            attachments: [{ url: 'https://rc.example/file-upload/1/a.png', mimeType: 'image/png', name: 'a.png' }],
            roomId: 'room-1',
            sentAt: '2024-05-06T07:08:09.000Z',
        });
    });

    it('describes a close with the same fields, empty text and no attachments', () => {
        expect(closerRelayPayload('room_closed', link, undefined, now)).toEqual(expect.objectContaining({ event: 'room_closed', text: '', attachments: [], roomId: 'room-1', botId: 'Bot1' }));
    });
});
