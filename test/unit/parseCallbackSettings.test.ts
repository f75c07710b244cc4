import { parseCallbackSettings } from '../../src/platforms/rapidpro/parseCallbackSettings';
import { badRequest } from '../support/badRequest';


describe('parseCallbackSettings', () => {
    it('accepts http with a port and a private host name', () => {
        const url = 'http://rapidpro:8000/mr/tickets/types/rocketchat/event_callback/2b5f0c3e-1d0a-4a3b-9b7e-0c7a0e5d1f11';
        expect(parseCallbackSettings({ webhook: { url } })).toBe(url);
    });

    it('accepts https with a port and a private IP address', () => {
        const url = 'https://10.0.0.5:8443/mr/tickets/types/rocketchat/event_callback/abc';
        expect(parseCallbackSettings({ webhook: { url } })).toBe(url);
    });

    it('accepts a public https URL and trims surrounding whitespace', () => {
        expect(parseCallbackSettings({ webhook: { url: '  https://rapidpro.example.org/mr/x  ' } })).toBe('https://rapidpro.example.org/mr/x');
    });

    it('rejects a missing, null or non-object webhook', () => {
        for (const body of [{}, { webhook: null }, { webhook: 'https://rapidpro.example.org/mr/x' }, { url: 'https://rapidpro.example.org/mr/x' }]) {
            expect(badRequest(() => parseCallbackSettings(body)).message).toContain('webhook');
        }
    });

    it('rejects a webhook without url', () => {
        expect(badRequest(() => parseCallbackSettings({ webhook: {} })).message).toContain('webhook.url');
        expect(badRequest(() => parseCallbackSettings({ webhook: { url: '  ' } })).message).toContain('webhook.url');
        expect(badRequest(() => parseCallbackSettings({ webhook: { url: true } })).message).toContain('webhook.url');
    });

    it('rejects text that is not a URL', () => {
        for (const url of ['not a url', 'rapidpro:8000', '/mr/tickets/callback', 'rapidpro.example.org/mr/x']) {
            expect(badRequest(() => parseCallbackSettings({ webhook: { url } })).message).toContain('webhook.url');
        }
    });

    it('rejects ftp and other schemes', () => {
        const ftp = badRequest(() => parseCallbackSettings({ webhook: { url: 'ftp://rapidpro.example.org/mr/x' } }));
        expect(ftp.message).toContain('webhook.url');
        expect(ftp.message).toContain('ftp');
        expect(badRequest(() => parseCallbackSettings({ webhook: { url: 'file:///etc/passwd' } })).message).toContain('webhook.url');
    });

    it('rejects a body that is not a JSON object', () => {
        for (const body of [null, [], 'https://rapidpro.example.org']) {
            expect(badRequest(() => parseCallbackSettings(body)).message).toContain('request body');
        }
    });
});
