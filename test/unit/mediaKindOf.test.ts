import { mediaKindOf } from '../../src/files/mediaKindOf';

describe('mediaKindOf', () => {
    it('names images, audio and video by their MIME group', () => {
        expect(mediaKindOf('image/png')).toBe('image');
        expect(mediaKindOf('image/*')).toBe('image');
        expect(mediaKindOf('audio/ogg')).toBe('audio');
        expect(mediaKindOf('video/mp4')).toBe('video');
    });

    it('calls anything else a file', () => {
        expect(mediaKindOf('application/pdf')).toBe('file');
        expect(mediaKindOf('text/plain')).toBe('file');
        expect(mediaKindOf('')).toBe('file');
        expect(mediaKindOf('imagery/x')).toBe('file');
    });
});
