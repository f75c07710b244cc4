import { attachmentFromUrl } from '../../src/livechat/attachmentFromUrl';

describe('attachmentFromUrl', () => {
    const url = 'https://files.example.com/media/a%20b/photo%201.JPG?sig=X%2FY';

    it('shows images as images', () => {
        expect(attachmentFromUrl(url, 'image/jpeg')).toEqual({
            title: { value: 'photo 1.JPG', link: url, displayDownloadLink: true },
            imageUrl: url,
        });
    });

    it('gives audio a player', () => {
        const a = attachmentFromUrl('https://x.example/v/voice.ogg', 'audio/ogg');
        expect(a.audioUrl).toBe('https://x.example/v/voice.ogg');
        expect(a.imageUrl).toBeUndefined();
        expect(a.videoUrl).toBeUndefined();
        expect(a.description).toBeUndefined();
    });

    it('gives video a player', () => {
        const a = attachmentFromUrl('https://x.example/v/clip.mp4', 'video/mp4');
        expect(a.videoUrl).toBe('https://x.example/v/clip.mp4');
        expect(a.imageUrl).toBeUndefined();
        expect(a.audioUrl).toBeUndefined();
        expect(a.description).toBeUndefined();
    });

    it('matches MIME types case-insensitively', () => {
        expect(attachmentFromUrl('https://x.example/p.png', 'IMAGE/PNG').imageUrl).toBe('https://x.example/p.png');
        expect(attachmentFromUrl('https://x.example/p.mp3', 'Audio/MPEG').audioUrl).toBe('https://x.example/p.mp3');
    });

    it('makes anything else a titled download link with name and type in the description', () => {
        const a = attachmentFromUrl('https://x.example/docs/report%202024.pdf?token=1', 'application/pdf');
        expect(a).toEqual({
            title: { value: 'report 2024.pdf', link: 'https://x.example/docs/report%202024.pdf?token=1', displayDownloadLink: true },
            description: 'report 2024.pdf (application/pdf)',
        });
    });

    it('does not treat types that merely contain image/audio/video as media', () => {
        const a = attachmentFromUrl('https://x.example/a.svgz', 'application/image/x');
        expect(a.imageUrl).toBeUndefined();
        expect(a.description).toBe('a.svgz (application/image/x)');
    });

    it('uses a given name instead of the one from the URL', () => {
        const a = attachmentFromUrl('https://x.example/blob/123', 'application/octet-stream', 'invoice.pdf');
        expect(a.title).toEqual({ value: 'invoice.pdf', link: 'https://x.example/blob/123', displayDownloadLink: true });
        expect(a.description).toBe('invoice.pdf (application/octet-stream)');
    });

    it('keeps the URL exactly as given, even when it is not normalised', () => {
        const odd = 'HTTP://Files.Example.com:80/a/../b/My%20Pic.PNG?x=1&y=%2F#frag';
        const a = attachmentFromUrl(odd, 'image/png');
        expect(a.imageUrl).toBe(odd);
        expect(a.title?.link).toBe(odd);
    });
});
