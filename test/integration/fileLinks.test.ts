import { BridgeWorld } from '../support/BridgeWorld';
import { httpBytes } from '../support/httpBytes';
import { documentedSignature, fileLinkPath, linkParts, signedLinkPattern, storedSecret, throughDoor } from '../support/signedLinks';
import { waitFor } from '../support/waitFor';

const TOKEN = 'closer-token-for-file-links';
const RELAY_SECRET = 'closer-relay-secret-for-file-links';
const SITE = 'https://chat.example.test';

/**
 * Signed file links: agents' uploads reach platforms (here CLOSER's relay) as links to the app's
 * `file` endpoint that open without Rocket.Chat credentials, until they expire; the front door
 * protects /file-upload itself as Rocket.Chat does (FileUpload_ProtectFiles on).
 */
describe('signed file links', () => {
    const world = new BridgeWorld(SITE);
    let user = 0;

    beforeAll(async () => {
        await world.start();
        await world.settings({ closer_enabled: true, closer_webhook_token: TOKEN, closer_reply_url: `${world.platform.origin}/relay`, closer_reply_secret: RELAY_SECRET });
    });
    afterAll(() => world.stop());

    /** A CLOSER conversation with an open room; returns the room id and a function reading the relay's agent messages. */
    async function conversation() {
        const endUserId = `files-user-${++user}`;
        const event = { type: 'agent_call_requested', botId: 'B1', timestamp: new Date().toISOString(), endUserId, conversation: { id: `c-${endUserId}`, platform: 'kakao', userKey: `uk-${endUserId}`, params: {} } };
        expect((await world.request('POST', `closer?token=${TOKEN}`, { body: event })).status).toBe(200);
        const room = await waitFor('the room', () => world.openRoomOf(`closer:B1:${endUserId}`));
        const relayed = () => world.platform.requests('/relay').filter((request) => request.body?.event === 'agent_message' && request.body?.endUserId === endUserId);
        return { roomId: room.id, relayed };
    }

    async function uploadAndRelay(name: string, type: string, data: Buffer, text = '') {
        const { roomId, relayed } = await conversation();
        world.host.agentMessage(roomId, 'agent', text, [{ name, type, data }]);
        const [request] = await waitFor('the relayed reply', () => relayed().length > 0 && relayed());
        return { roomId, attachment: request.body.attachments[0] as { url: string; mimeType: string; name: string } };
    }

    it('refuses a forged link before the installation has any secret, and creates none', async () => {
        const forged = `${world.base}/${fileLinkPath({ uploadId: 'ABCDEF', expiresAt: Math.floor(Date.now() / 1000) + 3600, signature: 'A'.repeat(43), name: 'x.pdf' })}`;
        const answer = await httpBytes(forged);
        expect(answer.status).toBe(403);
        expect(JSON.parse(answer.body.toString()).error).toMatch(/signature/);
        expect(storedSecret(world.host)).toBeUndefined();
    });

    it('gives the platform a signed link that serves the exact bytes, type and name without credentials, while /file-upload answers 403', async () => {
        const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x80, 0x0a]);
        const { roomId, attachment } = await uploadAndRelay('contract v2.pdf', 'application/pdf', bytes, 'the contract');
        expect(attachment.url).toMatch(signedLinkPattern(SITE, world.appId, 'contract%20v2.pdf'));
        expect(attachment).toMatchObject({ mimeType: 'application/pdf', name: 'contract v2.pdf' });
        const { expiresAt } = linkParts(attachment.url);
        expect(expiresAt * 1000).toBeGreaterThan(Date.now() + 29.9 * 86400000);
        expect(expiresAt * 1000).toBeLessThan(Date.now() + 30.1 * 86400000);

        const served = await throughDoor(world, attachment.url);
        expect(served.status).toBe(200);
        expect(served.body.equals(bytes)).toBe(true);
        expect(served.headers['content-type']).toBe('application/pdf');
        expect(served.headers['content-disposition']).toBe('attachment; filename="contract v2.pdf"; filename*=UTF-8\'\'contract%20v2.pdf');
        expect(served.headers['x-content-type-options']).toBe('nosniff');

        const upload = world.messages(roomId).flatMap((message) => message.attachments ?? [])[0];
        const direct = await httpBytes(`${new URL(world.base).origin}${upload.title!.link!}`);
        expect(direct.status).toBe(403);
    });

    it('serves images inline and keeps a non-ASCII name exact in filename*', async () => {
        const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
        const { attachment } = await uploadAndRelay('메뉴 사진.png', 'image/png', png);
        const served = await throughDoor(world, attachment.url);
        expect(served.status).toBe(200);
        expect(served.body.equals(png)).toBe(true);
        expect(served.headers['content-type']).toBe('image/png');
        expect(served.headers['content-disposition']).toBe(`inline; filename="__ __.png"; filename*=UTF-8''${encodeURIComponent('메뉴 사진.png')}`);
        const head = await throughDoor(world, attachment.url, 'HEAD');
        expect(head.status).toBe(200);
        expect(head.headers['content-type']).toBe('image/png');
        expect(head.body.length).toBe(0);
    });

    describe('refusals (JSON errors, nothing read from the uploads)', () => {
        let link: string;

        beforeAll(async () => {
            link = (await uploadAndRelay('secret.txt', 'text/plain', Buffer.from('only for the end user'))).attachment.url;
        });

        const replace = (part: 'uploadId' | 'expiresAt' | 'signature', value: string | number) => {
            const parts = linkParts(link);
            const next = { ...parts, [part]: value };
            return `${SITE}/api/apps/public/${world.appId}/${fileLinkPath(next)}`;
        };

        it('403 for a tampered signature, upload id or expiry', async () => {
            const { signature, expiresAt } = linkParts(link);
            const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
            for (const tampered of [replace('signature', flipped), replace('uploadId', 'SomeOtherUpload1'), replace('expiresAt', expiresAt + 86400)]) {
                const answer = await throughDoor(world, tampered);
                expect(answer.status).toBe(403);
                expect(answer.headers['content-type']).toMatch(/application\/json/);
                expect(JSON.parse(answer.body.toString()).error).toMatch(/signature/);
                expect(answer.body.toString()).not.toContain('only for the end user');
            }
        });

        it('410 for an expired link, even correctly signed', async () => {
            const { uploadId } = linkParts(link);
            const past = Math.floor(Date.now() / 1000) - 60;
            const parts = linkParts(link);
            const expired = `${SITE}/api/apps/public/${world.appId}/${fileLinkPath({ ...parts, expiresAt: past, signature: documentedSignature(storedSecret(world.host)!, uploadId, past) })}`;
            const answer = await throughDoor(world, expired);
            expect(answer.status).toBe(410);
            expect(JSON.parse(answer.body.toString()).error).toMatch(/expired/);
        });

        it('404 for a correctly signed link to a file that no longer exists', async () => {
            const expiresAt = Math.floor(Date.now() / 1000) + 600;
            const signature = documentedSignature(storedSecret(world.host)!, 'DeletedUpload123', expiresAt);
            const answer = await throughDoor(world, `${SITE}/api/apps/public/${world.appId}/${fileLinkPath({ uploadId: 'DeletedUpload123', expiresAt, signature, name: 'gone.pdf' })}`);
            expect(answer.status).toBe(404);
            expect(JSON.parse(answer.body.toString()).error).toMatch(/no longer exists/);
        });

        it('400 for a malformed link or a missing part, 405 for another method', async () => {
            expect((await throughDoor(world, replace('expiresAt', 'soon'))).status).toBe(400);
            expect((await throughDoor(world, replace('signature', 'short'))).status).toBe(400);
            expect((await throughDoor(world, `${SITE}/api/apps/public/${world.appId}/file?upload=${linkParts(link).uploadId}`)).status).toBe(400);
            const post = await throughDoor(world, link, 'POST');
            expect(post.status).toBe(405);
            expect(JSON.parse(post.body.toString()).error).toMatch(/GET/);
        });

        it('never shows the installation secret in answers or the app\'s logs', async () => {
            const secret = storedSecret(world.host)!;
            expect(secret).toMatch(/^[0-9a-f]{64}$/);
            const answer = await throughDoor(world, replace('signature', 'x'.repeat(43)));
            expect(answer.body.toString()).not.toContain(secret);
            expect(JSON.stringify(world.host.appLogLines(world.appId))).not.toContain(secret);
        });
    });

    it('makes links last file_link_days days (1 to 365; anything else → 30)', async () => {
        await world.settings({ file_link_days: 2 });
        const short = linkParts((await uploadAndRelay('a.txt', 'text/plain', Buffer.from('a'))).attachment.url).expiresAt;
        expect(Math.abs(short * 1000 - (Date.now() + 2 * 86400000))).toBeLessThan(60000);
        await world.settings({ file_link_days: 5000 });
        const fallback = linkParts((await uploadAndRelay('b.txt', 'text/plain', Buffer.from('b'))).attachment.url).expiresAt;
        expect(Math.abs(fallback * 1000 - (Date.now() + 30 * 86400000))).toBeLessThan(60000);
        await world.settings({ file_link_days: 30 });
    });
});
