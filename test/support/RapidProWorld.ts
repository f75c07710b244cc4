import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { FakeRapidPro } from '../fakes/FakeRapidPro';
import { FrontDoor } from '../host/FrontDoor';
import { httpCall } from './http';
import { RunningHost, startHost } from './startHost';

export const SECRET = 'Kq3vS9dX2mZ7pL4tR8wY1nB6cF0hJ5gA';

/**
 * The whole scene for RapidPro tests: a local Rocket.Chat with the app, its HTTP front door,
 * a fake RapidPro on loopback already connected (PUT /settings done), a department
 * "Support" with the available agent "agent".
 */
export class RapidProWorld {
    public running!: RunningHost;
    public readonly rapidpro = new FakeRapidPro();
    public base = '';
    private door!: FrontDoor;
    private sitePort = 0;

    public get host() {
        return this.running.host;
    }

    public get appId() {
        return this.running.appId;
    }

    public async start(): Promise<void> {
        this.running = await startHost('http://chat.example.test/');
        this.door = new FrontDoor(this.host, () => this.appId);
        this.sitePort = await this.door.listen(0);
        this.base = `http://127.0.0.1:${this.sitePort}/api/apps/public/${this.appId}`;
        const support = this.host.livechat.createDepartment('Support');
        this.host.livechat.addAgent('agent', [support.id], true);
        await this.host.setSetting(this.appId, 'app_secret', SECRET);
        await this.host.setSetting(this.appId, 'delivery_retry_base_seconds', 1);
        await this.rapidpro.start();
        this.rapidpro.expectedSecret = SECRET;
        const connect = await this.call('PUT', 'settings', { webhook: { url: this.rapidpro.callbackUrl } });
        if (connect.status !== 204) {
            throw new Error(`connect failed: ${connect.status} ${connect.text}`);
        }
    }

    public async stop(): Promise<void> {
        await this.rapidpro.stop();
        await this.door.close();
        await this.host.stop();
    }

    /** A call as RapidPro makes it: `Authorization: Token <secret>`, compact JSON, on any method. */
    public call(method: string, path: string, body?: unknown, headers: Record<string, string> = { Authorization: `Token ${SECRET}` }) {
        return httpCall(`${this.base}/${path}`, { method, headers, body });
    }

    public rooms(): Array<ILivechatRoom> {
        return [...this.host.store.rooms.values()];
    }

    public room(id: string): ILivechatRoom {
        const room = this.host.store.rooms.get(id);
        if (!room) {
            throw new Error(`no room ${id}`);
        }
        return room;
    }

    public messages(roomId: string): Array<IMessage> {
        return this.host.store.roomMessages(roomId);
    }

    public async openTicket(ticketID: string, token: string, extra: Record<string, unknown> = {}): Promise<string> {
        const answer = await this.call('GET', 'room', { visitor: { token, name: `Contact ${token}` }, ticketID, ...extra });
        if (answer.status !== 201) {
            throw new Error(`open failed: ${answer.status} ${answer.text}`);
        }
        return answer.json.id;
    }
}
