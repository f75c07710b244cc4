import { IMessage } from '@rocket.chat/apps-engine/definition/messages';

import { extractAgentReply } from '../../src/outbound/extractAgentReply';

const SITE = 'https://chat.example.com/';

/** A message shaped like what Rocket.Chat hands to the app; room and sender are irrelevant here. */
function message(fields: Record<string, unknown>): IMessage {
    return { room: { id: 'ROOM' }, sender: { id: 'AGENT' }, ...fields } as unknown as IMessage;
}

describe('extractAgentReply', () => {
    it('returns the text of a text-only message with no attachments', () => {
        expect(extractAgentReply(message({ text: 'Hello, how can I help?' }), SITE)).toEqual({ text: 'Hello, how can I help?', attachments: [] });
    });

    it('returns empty text when the message has none', () => {
        expect(extractAgentReply(message({}), SITE)).toEqual({ text: '', attachments: [] });
    });

    it('turns emoji shortcodes into characters', () => {
        expect(extractAgentReply(message({ text: 'Done :smile: :+1:' }), SITE).text).toBe('Done 😄 👍');
        expect(extractAgentReply(message({ text: ':heart:' }), SITE).text).toBe('❤️');
    });

    it('leaves unknown shortcodes and ordinary colons alone', () => {
        expect(extractAgentReply(message({ text: 'time 10:30 :no_such_emoji_xyz:' }), SITE).text).toBe('time 10:30 :no_such_emoji_xyz:');
    });

    it('makes a file upload absolute with Site_Url and takes its MIME type from the files list', () => {
        const reply = extractAgentReply(message({
            text: '',
            file: { _id: 'F1', name: 'a.pdf', type: 'application/x-from-files' },
            files: [{ _id: 'F1', name: 'a.pdf', type: 'application/x-from-files' }],
            attachments: [{ title: { value: 'a.pdf', link: '/file-upload/F1/a.pdf' }, type: 'file' }],
        }), SITE);
        expect(reply).toEqual({
            text: '',
            attachments: [{ url: 'https://chat.example.com/file-upload/F1/a.pdf', mimeType: 'application/x-from-files', name: 'a.pdf', uploadId: 'F1' }],
        });
    });

    it('uses the deprecated single `file` entry when there is no files list', () => {
        const reply = extractAgentReply(message({
            file: { _id: 'F2', name: 'notes', type: 'text/x-custom' },
            attachments: [{ title: { value: 'notes', link: '/file-upload/F2/notes' }, type: 'file' }],
        }), SITE);
        expect(reply.attachments).toEqual([{ url: 'https://chat.example.com/file-upload/F2/notes', mimeType: 'text/x-custom', name: 'notes', uploadId: 'F2' }]);
    });

    it('guesses the MIME type from the name when no file entry matches', () => {
        const reply = extractAgentReply(message({
            files: [{ _id: 'OTHER', name: 'x.bin', type: 'application/x-other' }],
            attachments: [
                { title: { value: 'report.pdf', link: '/file-upload/F3/report.pdf' }, type: 'file' },
                { title: { value: 'sheet.csv', link: '/file-upload/F4/sheet.csv' }, type: 'file' },
            ],
        }), SITE);
        expect(reply.attachments.map((a) => a.mimeType)).toEqual(['application/pdf', 'text/csv']);
    });

    it('handles an image upload (title link plus imageUrl)', () => {
        const reply = extractAgentReply(message({
            files: [{ _id: 'IMG1', name: 'photo.jpg', type: 'image/jpeg' }],
            attachments: [{
                title: { value: 'photo.jpg', link: '/file-upload/IMG1/photo.jpg' },
                imageUrl: '/file-upload/IMG1/photo.jpg',
                type: 'file',
            }],
        }), SITE);
        expect(reply.attachments).toEqual([{ url: 'https://chat.example.com/file-upload/IMG1/photo.jpg', mimeType: 'image/jpeg', name: 'photo.jpg', uploadId: 'IMG1' }]);
    });

    it('handles images, audio and video given only by their URLs', () => {
        const reply = extractAgentReply(message({
            attachments: [
                { imageUrl: '/file-upload/I/my%20photo.png?download' },
                { audioUrl: '/file-upload/A/voice.mp3' },
                { videoUrl: '/file-upload/V/clip.mp4' },
            ],
        }), SITE);
        expect(reply.attachments).toEqual([
            { url: 'https://chat.example.com/file-upload/I/my%20photo.png?download', mimeType: 'image/png', name: 'my photo.png', uploadId: 'I' },
            { url: 'https://chat.example.com/file-upload/A/voice.mp3', mimeType: 'audio/mpeg', name: 'voice.mp3', uploadId: 'A' },
            { url: 'https://chat.example.com/file-upload/V/clip.mp4', mimeType: 'video/mp4', name: 'clip.mp4', uploadId: 'V' },
        ]);
    });

    it('falls back to image/*, audio/*, video/* and application/octet-stream when nothing else tells the type', () => {
        const reply = extractAgentReply(message({
            attachments: [
                { imageUrl: '/file-upload/I/picture' },
                { audioUrl: '/file-upload/A/recording' },
                { videoUrl: '/file-upload/V/recorded-call' },
                { title: { value: 'blob', link: '/file-upload/B/blob' }, type: 'file' },
            ],
        }), SITE);
        expect(reply.attachments.map((a) => a.mimeType)).toEqual(['image/*', 'audio/*', 'video/*', 'application/octet-stream']);
        expect(reply.attachments.map((a) => a.name)).toEqual(['picture', 'recording', 'recorded-call', 'blob']);
    });

    it('keeps every attachment of a message with several uploads, in order, each with its own type', () => {
        const reply = extractAgentReply(message({
            text: 'Here you go :+1:',
            files: [
                { _id: 'F1', name: 'a.pdf', type: 'application/pdf' },
                { _id: 'F2', name: 'b.png', type: 'image/png' },
                { _id: 'F3', name: 'c.ogg', type: 'audio/ogg' },
            ],
            attachments: [
                { title: { value: 'a.pdf', link: '/file-upload/F1/a.pdf' }, type: 'file' },
                { title: { value: 'b.png', link: '/file-upload/F2/b.png' }, imageUrl: '/file-upload/F2/b.png', type: 'file' },
                { title: { value: 'c.ogg', link: '/file-upload/F3/c.ogg' }, audioUrl: '/file-upload/F3/c.ogg', type: 'file' },
            ],
        }), 'https://chat.example.com');
        expect(reply.text).toBe('Here you go 👍');
        expect(reply.attachments).toEqual([
            { url: 'https://chat.example.com/file-upload/F1/a.pdf', mimeType: 'application/pdf', name: 'a.pdf', uploadId: 'F1' },
            { url: 'https://chat.example.com/file-upload/F2/b.png', mimeType: 'image/png', name: 'b.png', uploadId: 'F2' },
            { url: 'https://chat.example.com/file-upload/F3/c.ogg', mimeType: 'audio/ogg', name: 'c.ogg', uploadId: 'F3' },
        ]);
    });

    it('keeps absolute links as they are; only links to this Rocket.Chat\'s uploads carry an upload id', () => {
        const reply = extractAgentReply(message({
            attachments: [
                { title: { value: 'remote.pdf', link: 'https://cdn.example.org/remote.pdf' }, type: 'file' },
                { title: { value: 'elsewhere.pdf', link: 'https://other.example.org/file-upload/X/elsewhere.pdf' }, type: 'file' },
                { title: { value: 'here.pdf', link: 'https://chat.example.com/file-upload/H1/here.pdf' }, type: 'file' },
            ],
        }), SITE);
        expect(reply.attachments.map((a) => [a.url, a.uploadId])).toEqual([
            ['https://cdn.example.org/remote.pdf', undefined],
            ['https://other.example.org/file-upload/X/elsewhere.pdf', undefined],
            ['https://chat.example.com/file-upload/H1/here.pdf', 'H1'],
        ]);
    });

    it('adds the captions typed in the upload dialog (attachment descriptions of uploads) after the text', () => {
        const captionOnly = extractAgentReply(message({
            text: '',
            attachments: [{ title: { value: 'menu.png', link: '/file-upload/M1/menu.png' }, imageUrl: '/file-upload/M1/menu.png', description: 'today\'s menu :smile:', type: 'file' }],
        }), SITE);
        expect(captionOnly.text).toBe('today\'s menu 😄');
        const both = extractAgentReply(message({
            text: 'Here:',
            attachments: [
                { title: { value: 'a.pdf', link: '/file-upload/A1/a.pdf' }, description: 'first', type: 'file' },
                { title: { value: 'remote', link: 'https://cdn.example.org/r.pdf' }, description: 'not a caption' },
                { title: { value: 'b.pdf', link: '/file-upload/B1/b.pdf' }, description: '  ', type: 'file' },
            ],
        }), SITE);
        expect(both.text).toBe('Here:\nfirst');
    });

    it('uses a trimmed title as the name and falls back to the URL when the title is blank', () => {
        const reply = extractAgentReply(message({
            attachments: [
                { title: { value: '  Contract 2024.pdf ', link: '/file-upload/C/contract.pdf' }, type: 'file' },
                { title: { value: '   ', link: '/file-upload/D/d%C3%A9j%C3%A0.txt' }, type: 'file' },
            ],
        }), SITE);
        expect(reply.attachments.map((a) => a.name)).toEqual(['Contract 2024.pdf', 'déjà.txt']);
    });

    it('skips attachments without any link (quotes, plain text attachments)', () => {
        const reply = extractAgentReply(message({
            text: 'quoted',
            attachments: [{ text: 'an earlier message', author_name: 'someone' }, { title: { value: 'no link' } }],
        }), SITE);
        expect(reply).toEqual({ text: 'quoted', attachments: [] });
    });

    it('keeps the uploads that follow a link-less attachment', () => {
        const reply = extractAgentReply(message({
            attachments: [
                { text: 'a quoted message' },
                { title: { value: 'after.pdf', link: '/file-upload/F5/after.pdf' }, type: 'file' },
            ],
        }), SITE);
        expect(reply.attachments).toEqual([{ url: 'https://chat.example.com/file-upload/F5/after.pdf', mimeType: 'application/pdf', name: 'after.pdf', uploadId: 'F5' }]);
    });

    it('handles an attachments-only message', () => {
        const reply = extractAgentReply(message({
            files: [{ _id: 'F9', name: 'x.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }],
            attachments: [{ title: { value: 'x.docx', link: '/file-upload/F9/x.docx' }, type: 'file' }],
        }), SITE);
        expect(reply.text).toBe('');
        expect(reply.attachments).toHaveLength(1);
        expect(reply.attachments[0].mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    });
});
