import { MessageActionType } from '@rocket.chat/apps-engine/definition/messages';

import { acceptedAttachments, acceptedLink } from '../../src/livechat/acceptedAttachments';

describe('links Rocket.Chat accepts in attachments', () => {
    it('keeps http(s):, data: and /file-upload/ links, lower-cases a capitalised scheme, refuses the rest', () => {
        expect(acceptedLink('https://example.com/a.png')).toBe('https://example.com/a.png');
        expect(acceptedLink('http://example.com')).toBe('http://example.com');
        expect(acceptedLink('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
        expect(acceptedLink('/file-upload/ID/a.pdf')).toBe('/file-upload/ID/a.pdf');
        expect(acceptedLink('HTTPS://Example.com/A.png')).toBe('https://Example.com/A.png');
        expect(acceptedLink('Data:text/plain,hi')).toBe('data:text/plain,hi');
        for (const refused of ['www.example.com/menu', 'ftp://example.com/a.pdf', 'javascript:alert(1)', 'mailto:a@example.com', '//example.com', 'file-upload/ID/a']) {
            expect(acceptedLink(refused)).toBeUndefined();
        }
    });

    it('moves a refused link into the attachment text and keeps every good one', () => {
        const [card] = acceptedAttachments([{
            title: { value: 'Menu', link: 'www.example.com/menu' },
            imageUrl: 'HTTPS://cdn.example.com/menu.png',
            text: 'Today only',
            actions: [{ type: MessageActionType.BUTTON, text: 'Order', url: 'tel:+3312345' }],
        }]);
        expect(card.title).toEqual({ value: 'Menu' });
        expect(card.imageUrl).toBe('https://cdn.example.com/menu.png');
        expect(card.actions).toEqual([{ type: MessageActionType.BUTTON, text: 'Order' }]);
        expect(card.text).toBe('Today only\nwww.example.com/menu\ntel:+3312345');
    });

    it('leaves acceptable attachments as they are', () => {
        const attachments = [{ title: { value: 'a.pdf', link: 'https://example.com/a.pdf', displayDownloadLink: true }, description: 'a.pdf (application/pdf)' }];
        expect(acceptedAttachments(attachments)).toEqual(attachments);
    });
});
