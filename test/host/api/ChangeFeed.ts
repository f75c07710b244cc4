import * as http from 'http';

import { FAKE_PLATFORMS } from '../../fakes/fakePlatformPorts';
import { FakePlatforms } from '../../fakes/FakePlatforms';
import { LocalRocketChat } from '../LocalRocketChat';

/** What a change feed names: each a part of the console that reads it again when it changed. */
export const CHANGE_TOPICS = ['rooms', 'omnichannel', 'settings', 'logs', 'receivers'] as const;
export type ChangeTopic = typeof CHANGE_TOPICS[number];

/** How often the feed looks for changes while someone listens. */
const SAMPLE_MS = 250;
/** A comment line now and then keeps proxies and the browser from closing an idle stream. */
const KEEP_ALIVE_MS = 15000;

/**
 * `GET /host/events`: a server-sent event stream that says which parts of the local Rocket.Chat
 * changed (`event: change`, `data: {"topics":["rooms"]}`), so the console reads only those again.
 * It compares a small fingerprint of each part every SAMPLE_MS while a client listens (rooms and
 * their message counts, departments and agents' availability, the app's settings, the number of
 * log lines, what the fake receivers got), so nothing in the host has to report its changes.
 * The app's own state (outbox, counters) is not here: only its `status` endpoint knows it.
 */
export class ChangeFeed {
    private readonly clients = new Set<http.ServerResponse>();
    private last = new Map<ChangeTopic, string>();
    private timer?: ReturnType<typeof setInterval>;
    private keepAlive?: ReturnType<typeof setInterval>;

    constructor(private readonly host: LocalRocketChat, private readonly appId: () => string, private readonly fakes?: FakePlatforms) {}

    /** Takes `res` as a new listener: the stream starts with every topic, then only changes. */
    public open(res: http.ServerResponse): void {
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(`retry: 1000\nevent: change\ndata: ${JSON.stringify({ topics: CHANGE_TOPICS })}\n\n`);
        this.clients.add(res);
        res.on('close', () => {
            this.clients.delete(res);
            if (this.clients.size === 0) {
                this.stop();
            }
        });
        if (!this.timer) {
            this.last = this.fingerprints();
            this.timer = setInterval(() => this.sample(), SAMPLE_MS);
            this.keepAlive = setInterval(() => this.broadcast(': keep-alive\n\n'), KEEP_ALIVE_MS);
        }
    }

    /** Ends every stream (the server is closing). */
    public close(): void {
        for (const res of this.clients) {
            res.end();
        }
        this.clients.clear();
        this.stop();
    }

    private stop(): void {
        clearInterval(this.timer);
        clearInterval(this.keepAlive);
        this.timer = undefined;
        this.keepAlive = undefined;
    }

    private sample(): void {
        const now = this.fingerprints();
        const changed = CHANGE_TOPICS.filter((topic) => now.get(topic) !== this.last.get(topic));
        this.last = now;
        if (changed.length > 0) {
            this.broadcast(`event: change\ndata: ${JSON.stringify({ topics: changed })}\n\n`);
        }
    }

    private broadcast(text: string): void {
        for (const res of this.clients) {
            res.write(text);
        }
    }

    /** The app's setting values; while no instance runs the app (an engine reload), that is its fingerprint. */
    private settingsFingerprint(): Array<string> {
        let settings;
        try {
            settings = this.host.appSettings(this.appId());
        } catch {
            return ['no instance running'];
        }
        return settings.map((setting) => `${setting.id}=${JSON.stringify(setting.value ?? null)}`);
    }

    private fingerprints(): Map<ChangeTopic, string> {
        const { store } = this.host;
        const rooms = [...store.rooms.values()].map((room) => [room.id, room.isOpen === true, room.servedBy?.id, room.department?.id, store.messages.get(room.id)?.length ?? 0].join(':'));
        const departments = [...store.departments.values()].map((department) => `${department.id}:${department.name}:${department.agentIds.join(',')}`);
        const availability = [...store.agentAvailable.entries()].map(([id, online]) => `${id}=${online}`);
        const users = [...store.users.values()].map((user) => `${user.id}:${user.roles.join(',')}`);
        const settings = this.settingsFingerprint();
        const server = [...store.serverSettings.entries()].map(([id, value]) => `${id}=${JSON.stringify(value)}`);
        const logLines = this.host.logs.entries.reduce((sum, entry) => sum + entry.entries.length, 0);
        const fakes = this.fakes;
        const receivers = fakes ? FAKE_PLATFORMS.map((name) => {
            const fake = fakes.byName(name);
            return `${name}:${fake.attempts.length}:${fake.attempts.filter((attempt) => attempt.answer === 'pending').length}:${JSON.stringify(fake.behaviour)}`;
        }) : [];
        return new Map<ChangeTopic, string>([
            ['rooms', rooms.join('|')],
            ['omnichannel', [...departments, ...availability, ...users].join('|')],
            ['settings', [...settings, ...server].join('|')],
            ['logs', String(logLines)],
            ['receivers', receivers.join('|')],
        ]);
    }
}
