import { absoluteUrl } from '../../src/outbound/absoluteUrl';

describe('absoluteUrl', () => {
    const sites = ['https://chat.example.com', 'https://chat.example.com/', 'https://chat.example.com//'];
    const links = ['file-upload/ID/a.pdf', '/file-upload/ID/a.pdf', '//file-upload/ID/a.pdf'];

    for (const site of sites) {
        for (const link of links) {
            it(`joins ${JSON.stringify(site)} and ${JSON.stringify(link)} with exactly one slash`, () => {
                expect(absoluteUrl(site, link)).toBe('https://chat.example.com/file-upload/ID/a.pdf');
            });
        }
    }

    it('keeps a sub-path of Site_Url', () => {
        expect(absoluteUrl('https://example.com/chat/', '/file-upload/ID/a.pdf')).toBe('https://example.com/chat/file-upload/ID/a.pdf');
        expect(absoluteUrl('https://example.com/chat', 'file-upload/ID/a.pdf')).toBe('https://example.com/chat/file-upload/ID/a.pdf');
    });

    it('keeps query strings and only touches the slashes at the join', () => {
        expect(absoluteUrl('http://localhost:3000/', '/file-upload/ID/a%20b.pdf?download')).toBe('http://localhost:3000/file-upload/ID/a%20b.pdf?download');
    });

    it('keeps absolute http and https links unchanged', () => {
        expect(absoluteUrl('https://chat.example.com', 'https://cdn.example.org/x/y.png')).toBe('https://cdn.example.org/x/y.png');
        expect(absoluteUrl('https://chat.example.com/', 'http://files.example.org//a.png')).toBe('http://files.example.org//a.png');
        expect(absoluteUrl('https://chat.example.com', 'HTTPS://CDN.example.org/Y.png')).toBe('HTTPS://CDN.example.org/Y.png');
    });
});
