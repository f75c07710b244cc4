import { asksForHuman, chosenButton, handoverWords } from '../../src/platforms/uchat/handoverWords';
import { renderUchatReply } from '../../src/platforms/uchat/renderUchatReply';
import { uchatConversationId } from '../../src/platforms/uchat/uchatConversationId';

const base = { sender_id: 'visitor-1', conv_id: 123, type: 'text', message_type: 'outgoing', private: false };

describe('renderUchatReply', () => {
    it('keeps plain text as it is', () => {
        expect(renderUchatReply({ ...base, text: '안녕하세요 🙂' })).toEqual({ text: '안녕하세요 🙂', attachments: [], choices: [] });
    });

    it('turns image, audio, video and file messages into attachments', () => {
        expect(renderUchatReply({ ...base, type: 'image', url: 'https://cdn.uchat.example/a.png' }).attachments[0].imageUrl).toBe('https://cdn.uchat.example/a.png');
        expect(renderUchatReply({ ...base, type: 'audio', url: 'https://cdn.uchat.example/a.mp3' }).attachments[0].audioUrl).toBe('https://cdn.uchat.example/a.mp3');
        expect(renderUchatReply({ ...base, type: 'video', url: 'https://cdn.uchat.example/a.mp4' }).attachments[0].videoUrl).toBe('https://cdn.uchat.example/a.mp4');
        expect(renderUchatReply({ ...base, type: 'file', url: 'https://cdn.uchat.example/doc.pdf' }).attachments[0].title).toEqual(expect.objectContaining({ value: 'doc.pdf', link: 'https://cdn.uchat.example/doc.pdf' }));
    });

    it('renders a button template as clickable buttons and numbered choices', () => {
        const rendered = renderUchatReply({
            ...base, text: 'Pick one', content_type: 'button_template',
            content_attributes: { text: 'How can we help?', buttons: [{ type: 'postback', title: 'Orders', payload: 'ORDERS' }, { type: 'postback', title: 'Talk to a human', payload: 'human' }] },
        });
        expect(rendered.text).toBe('How can we help?\n1. Orders\n2. Talk to a human');
        expect(rendered.choices).toEqual([{ title: 'Orders', payload: 'ORDERS' }, { title: 'Talk to a human', payload: 'human' }]);
        expect(rendered.attachments[0].actions).toEqual([
            { type: 'button', text: 'Orders', msg: 'Orders', msg_in_chat_window: true },
            { type: 'button', text: 'Talk to a human', msg: 'Talk to a human', msg_in_chat_window: true },
        ]);
    });

    it('renders a generic template as cards with title, subtitle, image, link and buttons numbered across cards', () => {
        const rendered = renderUchatReply({
            ...base, text: 'Our plans', content_type: 'generic_template',
            content_attributes: { ratio: 'horizontal', items: [
                { title: 'Basic', subtitle: '₩9,900', image_url: 'https://cdn.uchat.example/basic.png', item_url: 'https://shop.example/basic', buttons: [{ type: 'postback', title: 'Buy Basic', payload: 'BUY_BASIC' }] },
                { title: 'Pro', subtitle: '₩19,900', image_url: null, item_url: null, buttons: [{ type: 'postback', title: 'Buy Pro', payload: 'BUY_PRO' }] },
            ] },
        });
        expect(rendered.text).toBe('Our plans');
        expect(rendered.choices.map((choice) => choice.payload)).toEqual(['BUY_BASIC', 'BUY_PRO']);
        expect(rendered.attachments).toHaveLength(2);
        expect(rendered.attachments[0]).toEqual(expect.objectContaining({ title: { value: 'Basic', link: 'https://shop.example/basic' }, text: '₩9,900\n1. Buy Basic', imageUrl: 'https://cdn.uchat.example/basic.png' }));
        expect(rendered.attachments[1].text).toBe('₩19,900\n2. Buy Pro');
        expect(rendered.attachments[1].imageUrl).toBeUndefined();
    });
});

describe('choices and handover words', () => {
    const choices = [{ title: 'Orders', payload: 'ORDERS' }, { title: 'Talk to a human', payload: 'human' }];

    it('finds the chosen button by its number or its title', () => {
        expect(chosenButton('2', choices)).toEqual(choices[1]);
        expect(chosenButton(' orders ', choices)).toEqual(choices[0]);
        expect(chosenButton('3', choices)).toBeUndefined();
        expect(chosenButton('something else', choices)).toBeUndefined();
    });

    it('reads the setting as lower-case words and matches text or payload', () => {
        const words = handoverWords(' Human, AGENT ,, handover');
        expect(words).toEqual(['human', 'agent', 'handover']);
        expect(asksForHuman(words, 'Agent')).toBe(true);
        expect(asksForHuman(words, 'Talk to a human', 'human')).toBe(true);
        expect(asksForHuman(words, 'I am human too')).toBe(false);
    });
});

describe('uchatConversationId', () => {
    it('is a stable, safe integer per room and differs between rooms', () => {
        expect(uchatConversationId('room-1')).toBe(uchatConversationId('room-1'));
        expect(uchatConversationId('room-1')).not.toBe(uchatConversationId('room-2'));
        expect(Number.isSafeInteger(uchatConversationId('xyz'))).toBe(true);
    });
});
