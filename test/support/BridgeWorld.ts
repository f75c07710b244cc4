import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';

import { RecordingServer } from '../fakes/RecordingServer';
import { FrontDoor } from '../host/FrontDoor';
import { httpCall } from './http';
import { RunningHost, startHost } from './startHost';
import { waitFor } from './waitFor';

export const APP_SECRET = 'bridge-world-app-secret-0123456789';

/**
 * The scene for integration tests: a local Rocket.Chat with the app and its front door, a
 * fake platform API on loopback, a department "Support" with the available agent "agent",
 * the App Secret set.
 */
export class BridgeWorld {
    public running!: RunningHost;
    public readonly platform = new RecordingServer();
    public base = '';
    private door!: FrontDoor;

    /** `instances`: how many Rocket.Chat instances share the database (app calls go round robin over them). */
    constructor(private readonly siteUrl = 'https://chat.example.test', protected readonly appSecret = APP_SECRET, private readonly instances = 1) {}

    public get host() {
        return this.running.host;
    }

    public get appId() {
        return this.running.appId;
    }

    public async start(): Promise<void> {
        this.running = await startHost(this.siteUrl, this.instances);
        this.door = new FrontDoor(this.host, () => this.appId);
        const port = await this.door.listen(0);
        this.base = `http://127.0.0.1:${port}/api/apps/public/${this.appId}`;
        const support = this.host.livechat.createDepartment('Support');
        this.host.livechat.addAgent('agent', [support.id], true);
        await this.host.setSetting(this.appId, 'app_secret', this.appSecret);
        await this.host.setSetting(this.appId, 'delivery_retry_base_seconds', 1);
        await this.platform.start();
    }

    public async stop(): Promise<void> {
        await this.platform.stop();
        await this.door.close();
        await this.host.stop();
    }

    public async settings(values: Record<string, unknown>): Promise<void> {
        for (const [id, value] of Object.entries(values)) {
            await this.host.setSetting(this.appId, id, value);
        }
    }

    /**
     * Resolves once the events fired so far are handled and no outbox item waits in any source
     * (each delivered or parked): from then on nothing more goes out, so a test can tell what
     * was sent without sleeping.
     */
    public async outboxIdle(timeoutMs = 30000): Promise<void> {
        await this.host.events.settle();
        await waitFor('an idle outbox', async () => {
            const status = await this.request('GET', 'status', { headers: { Authorization: `Token ${this.appSecret}` } });
            return status.status === 200 && status.json.sources.every((source: { outbox: { queued: number } }) => source.outbox.queued === 0);
        }, timeoutMs);
    }

    public request(method: string, pathAndQuery: string, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) {
        return httpCall(`${this.base}/${pathAndQuery}`, { method, ...options });
    }

    /** Every Omnichannel agent goes offline (off-hours); the returned function brings back those who were online. */
    public everyoneAway(): () => void {
        const online = [...this.host.store.agentAvailable.entries()].filter(([, available]) => available).map(([id]) => id);
        for (const id of online) {
            this.host.livechat.setAgentAvailable(id, false);
        }
        return () => online.forEach((id) => this.host.livechat.setAgentAvailable(id, true));
    }

    public rooms(): Array<ILivechatRoom> {
        return [...this.host.store.rooms.values()];
    }

    /**
     * The Rocket.Chat visitor token the app registered for an end user, found through the app's
     * conversation links by the platform's own key for the end user (RapidPro: the contact's token).
     */
    public visitorTokenOf(contactKey: string): string | undefined {
        for (const record of this.host.store.persistence.values()) {
            const link = record.data as { contactKey?: string; visitorToken?: string; roomId?: string };
            if (link.contactKey === contactKey && link.visitorToken && link.roomId) {
                return link.visitorToken;
            }
        }
        return undefined;
    }

    /** The rooms of an end user: by the platform's own key (via the app's links), or by a visitor token (widget visitors, links stored before tokens were derived). */
    public roomsOf(contactKey: string): Array<ILivechatRoom> {
        const tokens = [contactKey, this.visitorTokenOf(contactKey)].filter((token): token is string => token !== undefined);
        return this.rooms().filter((room) => tokens.includes(this.host.store.roomVisitorToken(room.id) ?? room.visitor.token));
    }

    public openRoomOf(contactKey: string): ILivechatRoom | undefined {
        return this.roomsOf(contactKey).find((room) => room.isOpen);
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

    /** Messages in rooms of this end user that are not system messages. */
    public visibleMessages(contactKey: string): Array<IMessage> {
        return this.roomsOf(contactKey).flatMap((room) => this.messages(room.id)).filter((message) => !message.type);
    }

    public totalMessages(): number {
        return [...this.host.store.messages.values()].reduce((sum, list) => sum + list.length, 0);
    }
}
