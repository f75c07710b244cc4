import { InboundEvent } from '../../src/bridges/InboundEvent';
import { RequestContext } from '../../src/http/RequestContext';
import { ChatdayInbound } from '../../src/platforms/chatday/ChatdayInbound';
import { ChatdayWebhook } from '../../src/platforms/chatday/types';
import { closerEvents } from '../../src/platforms/closer/closerEvent';
import { closerInboundEvent } from '../../src/platforms/closer/closerInboundEvent';
import { CloserBatch, CloserWebhookEvent } from '../../src/platforms/closer/types';
import { gitpleContent } from '../../src/platforms/gitple/gitpleContent';
import { GitpleInbound } from '../../src/platforms/gitple/GitpleInbound';
import { GitpleEvent, GitpleSessionLine, GitpleUserProfile } from '../../src/platforms/gitple/types';
import { parseCallbackSettings } from '../../src/platforms/rapidpro/parseCallbackSettings';
import { parseOpenTicket } from '../../src/platforms/rapidpro/parseOpenTicket';
import { parseVisitorMessage } from '../../src/platforms/rapidpro/parseVisitorMessage';
import { parseVisitorToken } from '../../src/platforms/rapidpro/parseVisitorToken';
import { RapidProCloseTicketBody, RapidProOpenTicketBody, RapidProSettingsBody, RapidProVisitorMessageBody } from '../../src/platforms/rapidpro/types';
import { renderUchatReply } from '../../src/platforms/uchat/renderUchatReply';
import { UchatReply } from '../../src/platforms/uchat/types';
import { fixture } from '../support/platformFixtures';

/**
 * Each platform's recorded payloads through the platform's own parser (no host): what the
 * contract suite (test/integration/platformContract.test.ts) replays must read as the events
 * the app is meant to make of it.
 */

/** Just enough of a request for parsers that read the body and, without the Open API secret, nothing else. */
function requestOf(content: unknown): RequestContext {
    const settings = { text: async () => '', flag: async () => false };
    const logger = { debug: () => undefined, warn: () => undefined };
    return { request: { content, headers: {}, query: {} }, settings, logger } as unknown as RequestContext;
}

const kinds = (events: Array<InboundEvent>) => events.map((event) => event.type);

describe('RapidPro fixtures', () => {
    it('settings-connect: the callback URL', () => {
        const body = fixture<RapidProSettingsBody>('rapidpro', 'settings-connect');
        expect(parseCallbackSettings(body)).toBe(body.webhook.url);
    });

    it('room-open (upstream client) and room-open-fork (the fork\'s extra fields)', () => {
        expect(parseOpenTicket(fixture<RapidProOpenTicketBody>('rapidpro', 'room-open'))).toEqual({
            ticketID: '11137eb1-c831-4ddc-ba26-0bb77837f15e',
            visitor: { token: '10000', contactUUID: '88ff1e41-c1f8-4637-af8e-d56acbde9171', name: 'Ana Souza', email: 'ana.souza@example.com', phone: '+5511987654321', customFields: {} },
        });
        expect(parseOpenTicket(fixture<RapidProOpenTicketBody>('rapidpro', 'room-open-fork'))).toEqual(expect.objectContaining({
            sessionStart: '2019-10-07T15:20:30Z',
            visitor: expect.objectContaining({ token: '10001', department: 'Support', customFields: { plan: 'premium' } }),
        }));
    });

    it('visitor-message-text and visitor-message-attachments', () => {
        expect(parseVisitorMessage(fixture<RapidProVisitorMessageBody>('rapidpro', 'visitor-message-text'))).toEqual({ token: '10000', text: 'Olá! Meu pedido ainda não chegou.', attachments: [] });
        const withFiles = fixture<RapidProVisitorMessageBody>('rapidpro', 'visitor-message-attachments');
        expect(parseVisitorMessage(withFiles)).toEqual({ token: '10000', text: 'Segue a foto da nota', attachments: withFiles.attachments });
    });

    it('room-close: the contact\'s token', () => {
        expect(parseVisitorToken(fixture<RapidProCloseTicketBody>('rapidpro', 'room-close'))).toBe('10000');
    });
});

describe('Gitple fixtures', () => {
    const parse = (name: string) => new GitpleInbound().parse(requestOf(fixture<GitpleEvent>('gitple', name)));

    it('session-open and session-inprogress open the session\'s room (assignment as context)', async () => {
        const open = await parse('session-open');
        expect(kinds(open)).toEqual(['open']);
        expect(open[0]).toEqual(expect.objectContaining({ visitorToken: 'gitple:acme-shop:5cc6b0e18e3a4c0012a1d777', eventId: '5cc6b5bb8e3a4c0012a1f001:open' }));
        expect(kinds(await parse('session-inprogress'))).toEqual(['open', 'context']);
    });

    it('send-external-message: the Gitple agent\'s line as context, able to open a room for `to`', async () => {
        const [event] = await parse('send-external-message');
        expect(event).toEqual(expect.objectContaining({ type: 'context', text: '주문하신 상품이 오늘 발송되었습니다.', visitorToken: 'gitple:acme-shop:5cc6b0e18e3a4c0012a1d777' }));
        expect(event.type === 'context' && event.opensRoomFrom?.externalIds.identifier).toBe('shop-member-20417');
    });

    it('session-close: a close with Gitple\'s reason', async () => {
        expect(await parse('session-close')).toEqual([expect.objectContaining({ type: 'close', comment: 'Closed in Gitple (reason: userCancel).' })]);
    });

    it('open-api-session-messages: text, emoji and links as text and files; open-api-user: the profile', () => {
        const lines = fixture<Array<GitpleSessionLine>>('gitple', 'open-api-session-messages');
        expect(lines.map((line) => gitpleContent(line.content))).toEqual([
            { text: '안녕하세요! 무엇을 도와드릴까요?', files: [] },
            { text: '주문한 상품이 아직 안 왔어요 😢', files: [] },
            { text: '', files: [{ url: 'https://files.gitple.io/acme-shop/receipt-20417.pdf', mimeType: 'application/pdf', name: 'receipt-20417.pdf' }] },
            { text: 'Session queued', files: [] },
        ]);
        expect(fixture<GitpleUserProfile>('gitple', 'open-api-user').identifier).toBe('shop-member-20417');
    });
});

describe('Chatday fixtures', () => {
    const parse = (name: string) => new ChatdayInbound().parse(requestOf(fixture<ChatdayWebhook>('chatday', name)));

    it('message-text, message-image and message-file: the end user\'s message for chatday:<chat_id>', async () => {
        expect(await parse('message-text')).toEqual([expect.objectContaining({ type: 'user-message', visitorToken: 'chatday:48213', text: 'สวัสดีครับ สั่งสินค้าไปเมื่อวาน อยากทราบสถานะครับ', files: [] })]);
        expect(await parse('message-image')).toEqual([expect.objectContaining({ text: '', files: [{ url: 'https://cdn.chatday.example/uploads/48213/slip.jpg', mimeType: 'image/*', name: 'slip.jpg' }] })]);
        expect(await parse('message-file')).toEqual([expect.objectContaining({ files: [{ url: 'https://cdn.chatday.example/uploads/48213/quotation.pdf', mimeType: 'application/octet-stream', name: 'ใบเสนอราคา.pdf' }] })]);
    });

    it('webhook-verify: answered by the preflight, with no events', async () => {
        const answer = await new ChatdayInbound().preflight({ ...requestOf(fixture('chatday', 'webhook-verify')), method: 'post' });
        expect(answer).toEqual(expect.objectContaining({ status: 200, content: { status: 'SUCCESS' } }));
    });
});

describe('UChat fixtures', () => {
    const render = (name: string) => renderUchatReply(fixture<UchatReply>('uchat', name));

    it('reply-text, reply-button-template and reply-generic-template: text, numbered choices, cards', () => {
        expect(render('reply-text')).toEqual({ text: '안녕하세요! 주문 번호를 알려주세요.', attachments: [], choices: [] });
        const buttons = render('reply-button-template');
        expect(buttons.text).toBe('무엇을 도와드릴까요?\n1. 배송 조회\n2. 환불');
        expect(buttons.choices).toEqual([{ title: '배송 조회', payload: 'TRACK_ORDER' }, { title: '환불', payload: 'REFUND' }]);
        const cards = render('reply-generic-template');
        expect(cards.attachments.map((card) => card.imageUrl)).toEqual(['https://shop.example.com/img/earbuds.jpg', 'https://shop.example.com/img/battery.jpg']);
        expect(cards.choices.map((choice) => choice.payload)).toEqual(['BUY_EARBUDS', 'BUY_BATTERY']);
    });

    it('reply-image and reply-file: attachments', () => {
        expect(render('reply-image').attachments[0].imageUrl).toBe('https://bot.dfktv2.com/storage/acme/delivery-map.png');
        expect(render('reply-file').attachments[0].title).toEqual(expect.objectContaining({ value: 'return-form.pdf', link: 'https://bot.dfktv2.com/storage/acme/return-form.pdf' }));
    });
});

describe('CLOSER fixtures', () => {
    const events = (body: CloserWebhookEvent | CloserBatch) => closerEvents(body).map((event) => closerInboundEvent(event, false));
    const token = 'closer:Bp2gkd:0369b88b-168e-4946-9d29-df5b456b6a30';

    it('agent-call-requested opens; agent-call-disconnected closes', () => {
        expect(events(fixture('closer', 'agent-call-requested'))).toEqual([{ event: expect.objectContaining({ type: 'open', visitorToken: token }) }]);
        expect(events(fixture('closer', 'agent-call-disconnected'))).toEqual([{ event: expect.objectContaining({ type: 'close', visitorToken: token }) }]);
    });

    it('message-received-text, message-received-image, batch-message-received: the end user\'s messages by message id; message-sent-text: context', () => {
        expect(events(fixture('closer', 'message-received-text'))).toEqual([{ event: expect.objectContaining({ type: 'user-message', eventId: 'c41d7a0e-5f2b-4c8e-9a63-1b7d2e4f8a90', text: '노트북 화면이 안 켜져요' }) }]);
        expect(events(fixture('closer', 'message-received-image'))).toEqual([{ event: expect.objectContaining({ type: 'user-message', files: [{ url: 'https://closer-media.example.com/Bp2gkd/screen.jpg', mimeType: 'image/jpeg', name: 'screen.jpg' }] }) }]);
        expect(events(fixture('closer', 'batch-message-received'))).toEqual([{ event: expect.objectContaining({ type: 'user-message', eventId: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9', visitorToken: token, text: '전원 버튼을 눌러도 반응이 없어요' }) }]);
        expect(events(fixture('closer', 'message-sent-text'))).toEqual([{ event: expect.objectContaining({ type: 'context', eventId: 'bb2b8e8c-7b32-47a4-a1b1-3c15ce530a80' }) }]);
    });
});
