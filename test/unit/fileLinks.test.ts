import { fileLinkSignature, isValidFileLinkSignature } from '../../src/files/fileLinkSignature';
import { contentDisposition, fileResponseHeaders } from '../../src/files/fileResponseHeaders';
import { signedFileUrl } from '../../src/files/signedFileUrl';

const SECRET = 'a'.repeat(64);

describe('file link signatures', () => {
    it('are 43 URL-safe characters, bound to the upload id and the expiry', () => {
        const signature = fileLinkSignature(SECRET, 'UPLOAD1', 1900000000);
        expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(isValidFileLinkSignature(SECRET, 'UPLOAD1', 1900000000, signature)).toBe(true);
        expect(isValidFileLinkSignature(SECRET, 'UPLOAD2', 1900000000, signature)).toBe(false);
        expect(isValidFileLinkSignature(SECRET, 'UPLOAD1', 1900000001, signature)).toBe(false);
        expect(isValidFileLinkSignature('b'.repeat(64), 'UPLOAD1', 1900000000, signature)).toBe(false);
        expect(isValidFileLinkSignature(SECRET, 'UPLOAD1', 1900000000, '')).toBe(false);
    });

    it('build links under Site_Url with the upload, expiry, signature and file name as query parameters', () => {
        expect(signedFileUrl('https://chat.example.com/', 'APP', SECRET, 'UP1', 'a b/c.pdf', 1900000000))
            .toBe(`https://chat.example.com/api/apps/public/APP/file?upload=UP1&expires=1900000000&signature=${fileLinkSignature(SECRET, 'UP1', 1900000000)}&name=a%20b%2Fc.pdf`);
    });
});

describe('served file headers', () => {
    it('name the file for every client: an ASCII fallback and the exact UTF-8 name', () => {
        expect(contentDisposition('report.pdf', 'application/pdf')).toBe('attachment; filename="report.pdf"; filename*=UTF-8\'\'report.pdf');
        expect(contentDisposition('résumé "final".doc', 'application/msword')).toBe('attachment; filename="r_sum_ _final_.doc"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9%20%22final%22.doc');
        expect(contentDisposition('', 'application/octet-stream')).toBe('attachment; filename="file"; filename*=UTF-8\'\'file');
    });

    it('show images, audio and video inline, never SVG or anything else', () => {
        expect(contentDisposition('a.png', 'image/png')).toMatch(/^inline;/);
        expect(contentDisposition('a.ogg', 'audio/ogg')).toMatch(/^inline;/);
        expect(contentDisposition('a.svg', 'image/svg+xml')).toMatch(/^attachment;/);
        expect(contentDisposition('a.html', 'text/html')).toMatch(/^attachment;/);
    });

    it('forbid sniffing and active content, and cache at most a day and never past the expiry', () => {
        const headers = fileResponseHeaders('a.pdf', '', 500);
        expect(headers['content-type']).toBe('application/octet-stream');
        expect(headers['x-content-type-options']).toBe('nosniff');
        expect(headers['content-security-policy']).toBe("default-src 'none'; sandbox");
        expect(headers['cache-control']).toBe('private, max-age=500');
        expect(fileResponseHeaders('a.pdf', 'application/pdf', 10 * 86400)['cache-control']).toBe('private, max-age=86400');
    });
});
