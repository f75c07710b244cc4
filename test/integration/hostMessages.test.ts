import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessageAttachment, MessageActionType } from '@rocket.chat/apps-engine/definition/messages';

import { engineProfile } from '../host/engineProfile';
import { FrontDoor } from '../host/FrontDoor';
import { httpCall } from '../support/http';
import { httpBytes } from '../support/httpBytes';
import { RunningHost, startHost } from '../support/startHost';

/**
 * The local Rocket.Chat's message and file rules, each as rocketchat-server.md describes the
 * real server: Message_MaxAllowedSize, attachment links, system messages without
 * IPostMessageSent, uploads with captions, protected /file-upload.
 */
describe('the local Rocket.Chat: messages and files', () => {
    let running: RunningHost;
    let door: FrontDoor;
    let origin: string;
    let room: ILivechatRoom;

    beforeAll(async () => {
        running = await startHost();
        door = new FrontDoor(running.host, () => running.appId);
        origin = `http://127.0.0.1:${await door.listen(0)}`;
        const { livechat } = running.host;
        const department = livechat.createDepartment('Files');
        const second = livechat.createDepartment('Files 2');
        livechat.addAgent('files.agent', [department.id, second.id]);
        livechat.createUser({ username: 'someone' });
        const visitor = livechat.upsertVisitor({ token: 'files-visitor', username: 'files-visitor', name: 'Fia', department: department.id });
        room = livechat.createRoom(visitor, undefined, undefined);
    });

    afterAll(async () => {
        await door.close();
        await running.host.stop();
    });

    const messages = () => running.host.store.roomMessages(room.id);
    const appCalls = (method: string) => running.host.logs.entries.filter((entry) => entry.appId === running.appId && entry.method === method).length;

    describe('Message_MaxAllowedSize', () => {
        afterEach(() => {
            running.host.store.serverSettings.set('Message_MaxAllowedSize', 5000);
        });

        it('refuses a user message above 5,000 characters by default, with Rocket.Chat\'s error, and stores nothing', () => {
            const before = messages().length;
            expect(() => running.host.agentMessage(room.id, 'files.agent', 'x'.repeat(5001))).toThrow('Message size exceeds Message_MaxAllowedSize [error-message-size-exceeded]');
            expect(messages().length).toBe(before);
            running.host.agentMessage(room.id, 'files.agent', 'x'.repeat(5000));
            expect(messages().length).toBe(before + 1);
        });

        it('follows the setting when an admin changes it', () => {
            running.host.store.serverSettings.set('Message_MaxAllowedSize', 10);
            expect(() => running.host.agentMessage(room.id, 'files.agent', 'eleven char')).toThrow(/error-message-size-exceeded/);
            running.host.agentMessage(room.id, 'files.agent', 'ten chars!');
        });

        it('lets visitor messages created by an app through whatever their length (they skip the check)', async () => {
            await running.host.setSetting(running.appId, 'app_secret', 'files-secret-0123456789');
            const auth = { Authorization: 'Token files-secret-0123456789' };
            const base = `${origin}/api/apps/public/${running.appId}`;
            const opened = await httpCall(`${base}/room`, { method: 'POST', headers: auth, body: { ticketID: 'long-visitor', visitor: { token: 'long-visitor', name: 'Lou' } } });
            expect(opened.status).toBe(201);
            const long = 'y'.repeat(8000);
            const sent = await httpCall(`${base}/visitor-message`, { method: 'POST', headers: auth, body: { visitor: { token: 'long-visitor' }, text: long } });
            expect(sent.status).toBe(201);
            expect(running.host.store.roomMessages(opened.json.id).map((message) => message.text)).toContain(long);
        });
    });

    describe('attachment links', () => {
        const post = (attachments: Array<IMessageAttachment>) => running.host.livechat.postMessage({ roomId: room.id, sender: running.host.store.userByUsername('files.agent')!, text: 'with links', attachments });

        it('accepts http(s):, data: and /file-upload/ links', () => {
            expect(() => post([
                { title: { value: 'a', link: 'https://example.com/a.pdf' }, imageUrl: 'http://example.com/a.png' },
                { audioUrl: '/file-upload/ID/voice.ogg', videoUrl: 'data:video/mp4;base64,AAAA' },
                { actions: [{ type: MessageActionType.BUTTON, text: 'open', url: 'https://example.com' }] },
            ])).not.toThrow();
        });

        it('refuses the whole message for one bad link, naming the field, and stores nothing', () => {
            const before = messages().length;
            const sentBefore = running.host.events.postMessageSentIds.length;
            const bad: Array<[IMessageAttachment, string]> = [
                [{ title: { value: 'a', link: 'ftp://example.com/a.pdf' } }, 'title_link'],
                [{ imageUrl: 'HTTPS://example.com/a.png' }, 'image_url'],
                [{ audioUrl: 'javascript:alert(1)' }, 'audio_url'],
                [{ videoUrl: 'file-upload/ID/clip.mp4' }, 'video_url'],
                [{ actions: [{ type: MessageActionType.BUTTON, text: 'x', url: 'mailto:someone@example.com' }] }, 'actions[0].url'],
            ];
            for (const [attachment, field] of bad) {
                expect(() => post([{ title: { value: 'fine', link: 'https://example.com/fine' } }, attachment])).toThrow(`Invalid href value provided in field attachments[1].${field}`);
            }
            expect(messages().length).toBe(before);
            expect(running.host.events.postMessageSentIds.length).toBe(sentBefore);
        });
    });

    it('saves system messages without firing IPostMessageSent; visitor, agent and file messages fire it', async () => {
        const { host } = running;
        const visitor = host.livechat.upsertVisitor({ token: 'system-visitor', username: 'system-visitor', name: 'Sy' });
        const other = host.livechat.createRoom(visitor, undefined, undefined);
        await host.events.settle();
        const engineCallsBefore = appCalls('app:executePostMessageSent');
        const fromVisitor = host.livechat.postMessage({ roomId: other.id, sender: host.livechat.visitorAsUser(visitor), visitor, text: 'hi' });
        const fromAgent = host.agentMessage(other.id, 'files.agent', 'hello');
        const withFile = host.agentMessage(other.id, 'files.agent', '', [{ name: 'a.pdf', type: 'application/pdf' }]);
        host.transfer(other.id, { department: 'Files 2' });
        host.closeAsAgent(other.id, 'files.agent', 'bye');
        await host.events.settle();
        const stored = host.store.roomMessages(other.id);
        const system = stored.filter((message) => message.type).map((message) => message.id);
        expect(stored.filter((message) => message.type).map((message) => message.type)).toEqual(['livechat_transfer_history', 'livechat-close']);
        expect(host.events.postMessageSentIds).toEqual(expect.arrayContaining([fromVisitor.id, fromAgent, withFile]));
        expect(host.events.postMessageSentIds).not.toEqual(expect.arrayContaining([system[0]]));
        expect(host.events.postMessageSentIds).not.toEqual(expect.arrayContaining([system[1]]));
        if (engineProfile.logsEveryCall) {
            // Before 1.62 the engine's log entries of overlapping calls mix (engineProfile): the host's own record above is the witness there.
            expect(appCalls('app:executePostMessageSent')).toBe(engineCallsBefore + 3);
        }
    });

    it('stores an upload as Rocket.Chat does: a relative /file-upload link, the caption in attachments[0].description, msg empty', () => {
        const id = running.host.agentMessage(room.id, 'files.agent', '', [{ name: 'menu card.png', type: 'image/png' }], 'today\'s menu');
        const message = messages().find((candidate) => candidate.id === id)!;
        expect(message.text).toBe('');
        const [attachment] = message.attachments!;
        expect(attachment.description).toBe('today\'s menu');
        expect(attachment.title?.link).toMatch(/^\/file-upload\/[^/]+\/menu%20card\.png$/);
        expect(attachment.imageUrl).toBe(attachment.title?.link);
        expect(message.file?.name).toBe('menu card.png');
    });

    describe('/file-upload with FileUpload_ProtectFiles', () => {
        let link: string;
        const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10]);

        beforeAll(() => {
            const id = running.host.agentMessage(room.id, 'files.agent', 'the contract', [{ name: 'contract.pdf', type: 'application/pdf', data: bytes }]);
            link = messages().find((message) => message.id === id)!.attachments![0].title!.link!;
        });

        afterEach(() => {
            running.host.store.serverSettings.set('FileUpload_ProtectFiles', true);
        });

        const fetchBytes = (path: string, headers: Record<string, string> = {}) => httpBytes(`${origin}${path}`, { headers });

        it('answers 403 with an empty body to a request without Rocket.Chat credentials (the default)', async () => {
            const answer = await fetchBytes(link);
            expect(answer.status).toBe(403);
            expect(answer.body.length).toBe(0);
        });

        it('answers 403 to unknown or mismatched credentials', async () => {
            const { userId, authToken } = running.host.login('someone');
            const refused: Array<Record<string, string>> = [{ 'X-User-Id': userId, 'X-Auth-Token': 'wrong' }, { 'X-User-Id': 'nobody', 'X-Auth-Token': authToken }, { 'X-Auth-Token': authToken }];
            for (const headers of refused) {
                expect((await fetchBytes(link, headers)).status).toBe(403);
            }
        });

        it('serves the bytes to a logged-in user, by headers or by cookies', async () => {
            const { userId, authToken } = running.host.login('someone');
            const accepted: Array<Record<string, string>> = [{ 'X-User-Id': userId, 'X-Auth-Token': authToken }, { Cookie: `rc_uid=${userId}; rc_token=${authToken}` }];
            for (const headers of accepted) {
                const answer = await fetchBytes(link, headers);
                expect(answer.status).toBe(200);
                expect(answer.body.equals(bytes)).toBe(true);
                expect(answer.headers['content-type']).toBe('application/pdf');
                expect(answer.headers['content-disposition']).toBe('attachment; filename="contract.pdf"');
            }
        });

        it('serves the bytes to the room\'s livechat visitor (rc_room_type=l, rc_rid, rc_token)', async () => {
            expect((await fetchBytes(`${link}?rc_room_type=l&rc_rid=${room.id}&rc_token=files-visitor`)).status).toBe(200);
            expect((await fetchBytes(`${link}?rc_room_type=l&rc_rid=${room.id}&rc_token=someone-else`)).status).toBe(403);
        });

        it('is public when an admin turns FileUpload_ProtectFiles off', async () => {
            running.host.store.serverSettings.set('FileUpload_ProtectFiles', false);
            const answer = await fetchBytes(link);
            expect(answer.status).toBe(200);
            expect(answer.body.equals(bytes)).toBe(true);
        });

        it('answers 404 with an empty body for an unknown file', async () => {
            const answer = await fetchBytes('/file-upload/no-such-id/x.pdf');
            expect(answer.status).toBe(404);
            expect(answer.body.length).toBe(0);
        });
    });

    it('routes app endpoints like express: unknown paths get 404 "Not Found" before the app', async () => {
        const answer = await httpCall(`${origin}/api/apps/public/${running.appId}/no/such/endpoint`);
        expect(answer.status).toBe(404);
        expect(answer.text).toBe('Not Found');
    });
});
