import { fileNameOf } from '../../src/files/fileNameOf';

describe('fileNameOf', () => {
    it('takes the last path segment', () => {
        expect(fileNameOf('https://files.example.com/media/2024/photo.jpg')).toBe('photo.jpg');
        expect(fileNameOf('https://files.example.com/media/folder/')).toBe('folder');
    });

    it('strips the query string and the fragment', () => {
        expect(fileNameOf('https://files.example.com/a/voice.ogg?sig=abc&exp=1')).toBe('voice.ogg');
        expect(fileNameOf('https://files.example.com/a/doc.pdf#page=2')).toBe('doc.pdf');
    });

    it('percent-decodes the name', () => {
        expect(fileNameOf('https://files.example.com/a/my%20file%20%281%29.pdf')).toBe('my file (1).pdf');
        expect(fileNameOf('https://files.example.com/a/d%C3%A9j%C3%A0.txt')).toBe('déjà.txt');
    });

    it('keeps a name that cannot be decoded', () => {
        expect(fileNameOf('https://files.example.com/a/100%25%zz.txt')).toBe('100%25%zz.txt');
    });

    it('falls back when there is no path', () => {
        expect(fileNameOf('https://files.example.com')).toBe('file');
        expect(fileNameOf('https://files.example.com/', 'attachment')).toBe('attachment');
    });

    it('copes with text that is not a URL', () => {
        expect(fileNameOf('/media/x/report%20v2.pdf?dl=1')).toBe('report v2.pdf');
        expect(fileNameOf('', 'none')).toBe('none');
    });
});
