import { DEMO } from './demoCredentials';
import { FakeChatday } from './FakeChatday';
import { FakeCloserRelay } from './FakeCloserRelay';
import { FakeGitple } from './FakeGitple';
import { FAKE_PLATFORMS, FakePlatformName } from './fakePlatformPorts';
import { FakeRapidPro } from './FakeRapidPro';
import { FakeUchat } from './FakeUchat';
import { Attempt, RecordingServer } from './RecordingServer';

/** Every platform the app talks to, faked on loopback, each checking the playground's demo credentials. */
export class FakePlatforms {
    public readonly rapidpro = new FakeRapidPro();
    public readonly gitple = new FakeGitple();
    public readonly chatday = new FakeChatday();
    public readonly uchat = new FakeUchat();
    public readonly closer = new FakeCloserRelay();

    constructor() {
        this.rapidpro.expectedSecret = DEMO.appSecret;
    }

    public byName(name: FakePlatformName): RecordingServer {
        return this[name];
    }

    /** Starts each fake on its port (0: any free port). */
    public async start(ports: Record<FakePlatformName, number>): Promise<void> {
        for (const name of FAKE_PLATFORMS) {
            await this.byName(name).start(ports[name]);
        }
    }

    /** Calls `listener` once each request any fake received is answered. */
    public onAnswered(listener: (platform: FakePlatformName, attempt: Attempt) => void): void {
        for (const name of FAKE_PLATFORMS) {
            this.byName(name).onAnswered = (attempt) => listener(name, attempt);
        }
    }

    public origins(): Record<FakePlatformName, string> {
        return Object.fromEntries(FAKE_PLATFORMS.map((name) => [name, this.byName(name).origin])) as Record<FakePlatformName, string>;
    }

    public async stop(): Promise<void> {
        await Promise.all(FAKE_PLATFORMS.map((name) => this.byName(name).stop()));
    }
}
