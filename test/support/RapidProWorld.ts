import { FakeRapidPro } from '../fakes/FakeRapidPro';
import { BridgeWorld } from './BridgeWorld';
import { httpCall } from './http';

export const SECRET = 'Kq3vS9dX2mZ7pL4tR8wY1nB6cF0hJ5gA';

/** The scene for RapidPro tests: the shared scene plus a fake RapidPro on loopback, already connected (PUT /settings done). */
export class RapidProWorld extends BridgeWorld {
    public readonly rapidpro = new FakeRapidPro();

    constructor(instances = 1) {
        super('http://chat.example.test/', SECRET, instances);
    }

    public async start(): Promise<void> {
        await super.start();
        await this.rapidpro.start();
        this.rapidpro.expectedSecret = SECRET;
        const connect = await this.call('PUT', 'settings', { webhook: { url: this.rapidpro.callbackUrl } });
        if (connect.status !== 204) {
            throw new Error(`connect failed: ${connect.status} ${connect.text}`);
        }
    }

    public async stop(): Promise<void> {
        await this.rapidpro.stop();
        await super.stop();
    }

    /** A call as RapidPro makes it: `Authorization: Token <secret>`, compact JSON, on any method. */
    public call(method: string, path: string, body?: unknown, headers: Record<string, string> = { Authorization: `Token ${SECRET}` }) {
        return httpCall(`${this.base}/${path}`, { method, headers, body });
    }

    public async openTicket(ticketID: string, token: string, extra: Record<string, unknown> = {}): Promise<string> {
        const answer = await this.call('GET', 'room', { visitor: { token, name: `Contact ${token}` }, ticketID, ...extra });
        if (answer.status !== 201) {
            throw new Error(`open failed: ${answer.status} ${answer.text}`);
        }
        return answer.json.id;
    }
}
