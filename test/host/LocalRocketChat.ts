import { AppStatus } from '@rocket.chat/apps-engine/definition/AppStatus';
import { IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import { ProxiedApp } from '@rocket.chat/apps-engine/server/ProxiedApp';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { HttpCall } from './bridges/HostHttpBridge';
import { ScheduledJob } from './bridges/HostSchedulerBridge';
import { guardUnsentRequests } from './guardUnsentRequests';
import { HostBridges } from './HostBridges';
import { HostErrors } from './HostErrors';
import { HostEvents } from './HostEvents';
import { HostStore } from './HostStore';
import { randomId } from './ids';
import { isEngineLogLine } from './isEngineLogLine';
import { LivechatService } from './LivechatService';
import { runSlashCommand, SlashCommandCall } from './runSlashCommand';
import { failPendingRuntimeCalls, runtimeProcesses } from './runtimeProcesses';
import { runJobNow } from './scheduler/runJobNow';
import { MemoryLogStorage } from './storage/MemoryLogStorage';
import { MemoryMetadataStorage } from './storage/MemoryMetadataStorage';
import { MemorySourceStorage } from './storage/MemorySourceStorage';
import { uploadApp, UploadOptions, UploadOutcome } from './uploadApp';
import { watchEventHandlerErrors } from './watchEventHandlerErrors';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { denoBinDir } = require('../../scripts/deno-paths');

export interface ApiCall {
    method: string;
    path: string;
    headers?: Record<string, string>;
    query?: Record<string, string>;
    /** Values of the endpoint path's `:name` segments, as Rocket.Chat's express router fills req.params. */
    params?: Record<string, string>;
    body?: unknown;
}

export interface ApiAnswer {
    status: number;
    headers: Record<string, string>;
    content: unknown;
}

export interface AgentFile {
    name: string;
    type: string;
    data?: Buffer;
}

const ADMIN_ID = 'rocket.cat';

export interface LocalRocketChatOptions {
    siteUrl?: string;
    /**
     * Rocket.Chat instances sharing one database (1 by default). Each has its own AppManager
     * and Deno process of the app, its own Agenda on the shared job collection, and fires the
     * events of what happens on it; API calls and agent actions go round robin over the
     * running instances unless pinned with `on(i)`.
     */
    instances?: number;
}

/** One Rocket.Chat server process: its engine, bridges and the livechat code that fires its events. */
interface Instance {
    index: number;
    livechat: LivechatService;
    bridges: HostBridges;
    manager?: AppManager;
    stopped: boolean;
}

/**
 * A small Rocket.Chat around the real Apps-Engine: the engine's AppManager runs the
 * packaged app in its Deno runtime, against in-memory Omnichannel data. With several
 * instances, every instance is a separate AppManager (the engine keeps one in a static
 * field only to refuse a second one, which the host resets between constructions; nothing
 * else in the engine reads it) over the same store, as Rocket.Chat instances share MongoDB.
 */
export class LocalRocketChat {
    public readonly store = new HostStore();
    /** Exceptions of the app's event handlers and scheduler jobs (tests fail on unexpected ones). */
    public readonly errors = new HostErrors();
    public readonly events = new HostEvents(this.errors);
    public readonly logs = new MemoryLogStorage();
    private readonly metadata = new MemoryMetadataStorage();
    private readonly sources = new MemorySourceStorage();
    private readonly tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-host-'));
    private readonly instances: Array<Instance>;
    /** Round-robin position, shared by every pinned view (`on`). */
    private readonly turn = { next: 0 };
    /** `instance:appId:settingId` of settings an instance is taking from another's announcement (it does not announce them again). */
    private readonly receivingSetting = new Set<string>();
    /** The instance a view made by `on(i)` is pinned to. */
    private pinned?: number;

    constructor(options: LocalRocketChatOptions | string = {}) {
        const { siteUrl = 'http://localhost:3000', instances = 1 } = typeof options === 'string' ? { siteUrl: options } : options;
        if (!(process.env.PATH ?? '').split(path.delimiter).includes(denoBinDir)) {
            process.env.PATH = `${denoBinDir}${path.delimiter}${process.env.PATH ?? ''}`;
        }
        this.instances = Array.from({ length: Math.max(1, instances) }, (_, index) => this.newInstance(index));
        this.store.serverSettings.set('Site_Url', siteUrl);
        this.store.serverSettings.set('Livechat_accept_chats_with_no_agents', false);
        // Rocket.Chat's defaults (server/settings/message.ts, server/settings/file-upload.ts); tests may change them as an admin would.
        this.store.serverSettings.set('Message_MaxAllowedSize', 5000);
        this.store.serverSettings.set('FileUpload_ProtectFiles', true);
        this.livechat.createUser({ id: ADMIN_ID, username: 'rocket.cat', roles: ['admin', 'bot'] });
    }

    /** The livechat of the instance actions go to (admin setup: departments, agents, rooms). */
    public get livechat(): LivechatService {
        return this.acting().livechat;
    }

    /** How many instances this Rocket.Chat runs. */
    public get instanceCount(): number {
        return this.instances.length;
    }

    /** A view of this Rocket.Chat whose API calls and agent actions all go to instance `index`. */
    public on(index: number): LocalRocketChat {
        if (!this.instances[index]) {
            throw new Error(`no instance ${index} (there are ${this.instances.length})`);
        }
        const view = Object.create(this) as LocalRocketChat;
        view.pinned = index;
        return view;
    }

    /** Starts every instance's engine (loading any app already installed in the shared storage). */
    public async start(): Promise<void> {
        for (const instance of this.instances) {
            await this.startInstance(instance);
        }
    }

    /** Installs and enables a packaged app; returns its id. */
    public async install(zip: Buffer): Promise<string> {
        const [first, ...others] = this.running();
        const result = await this.engine(first).add(zip, { enable: true, user: { id: ADMIN_ID } as never });
        const app = result.getApp();
        if (!app) {
            throw new Error(`install failed: ${JSON.stringify({ storage: result.getStorageError(), user: result.getAppUserError() })}`);
        }
        // The other instances hear of it (Rocket.Chat's AppServerListener.onAppAdded) and load it from the shared storage.
        for (const instance of others) {
            await this.engine(instance).addLocal(app.getID());
        }
        await this.watchApps();
        const status = await app.getStatus();
        if (status !== AppStatus.MANUALLY_ENABLED && status !== AppStatus.AUTO_ENABLED) {
            throw new Error(`app installed but not enabled (status ${status})`);
        }
        return app.getID();
    }

    /** Disables an app on every running instance, as an admin does in Administration > Apps (its runtime stops; its data stays). */
    public async disable(appId: string): Promise<void> {
        for (const instance of this.running()) {
            await this.engine(instance).disable(appId);
        }
        await this.events.settle();
    }

    /**
     * An admin's upload of an app package through Rocket.Chat's REST API (see uploadApp): taken by
     * the next instance (or the pinned one), then loaded by every other running instance.
     */
    public async uploadApp(kind: 'install' | 'update', zip: Buffer, options: UploadOptions): Promise<UploadOutcome> {
        const serving = this.next();
        const others = this.running().filter((instance) => instance !== serving);
        // The update stops the app's Deno process on every instance (see killRuntimes).
        for (const instance of kind === 'update' ? this.running() : []) {
            await this.killRuntimes(this.engine(instance));
        }
        const outcome = await uploadApp(kind, {
            serving: this.engine(serving),
            others: others.map((instance) => this.engine(instance)),
            storedPackage: (item) => this.sources.fetch(item),
        }, zip, options);
        await this.watchApps();
        return outcome;
    }

    /** The app as the instance that reads go to (the pinned one, else the first running) has it. */
    public installedApp(appId: string): ProxiedApp | undefined {
        return this.engine(this.acting()).getOneById(appId);
    }

    public async appStatus(appId: string): Promise<AppStatus | undefined> {
        return this.engine(this.acting()).getOneById(appId)?.getStatus();
    }

    public appUser(appId: string): IUser | undefined {
        return [...this.store.users.values()].find((user) => user.appId === appId);
    }

    /**
     * Changes an app setting as the admin does in Administration > Apps: saved through one
     * instance, whose app's onSettingUpdated runs; every other instance is notified (see
     * HostAppDetailChangesBridge) and its app runs onSettingUpdated too. Resolves once every
     * instance has it.
     */
    public async setSetting(appId: string, id: string, value: unknown): Promise<void> {
        const instance = this.acting();
        const current: ISetting | undefined = this.engine(instance).getOneById(appId)?.getStorageItem().settings[id];
        if (!current) {
            throw new Error(`unknown setting ${id}`);
        }
        await this.engine(instance).getSettingsManager().updateAppSetting(appId, { ...current, value });
        await this.events.settle();
    }

    /** The app's settings as Administration > Apps shows them (definitions and current values; hidden ones left out). */
    public appSettings(appId: string): Array<ISetting> {
        return Object.values(this.engine(this.acting()).getOneById(appId)?.getStorageItem().settings ?? {}).filter((setting) => !setting.hidden);
    }

    /** The app's texts in one language (its i18n file), as Administration > Apps labels its settings. */
    public appTexts(appId: string, language = 'en'): Record<string, string> {
        return (this.engine(this.acting()).getOneById(appId)?.getStorageItem().languageContent?.[language] ?? {}) as Record<string, string>;
    }

    public async settingValue(appId: string, id: string): Promise<unknown> {
        const setting = this.engine(this.acting()).getOneById(appId)?.getStorageItem().settings[id];
        return setting?.value ?? setting?.packageValue;
    }

    /**
     * Calls a public app endpoint as Rocket.Chat's router does; a rejected call becomes a 500 text
     * answer. Like Rocket.Chat, the answer does not wait for the events the call caused (messages
     * posted, rooms closed): wait for those with `events.settle()`.
     */
    public async callApi(appId: string, call: ApiCall): Promise<ApiAnswer> {
        const headers = Object.fromEntries(Object.entries(call.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
        try {
            const answer = await this.engine(this.next()).getApiManager().executeApi(appId, call.path, {
                method: call.method.toLowerCase() as never,
                headers,
                query: call.query ?? {},
                params: call.params ?? {},
                content: call.body,
            });
            return { status: answer.status, headers: (answer.headers ?? {}) as Record<string, string>, content: answer.content };
        } catch (error) {
            return { status: 500, headers: { 'content-type': 'text/plain' }, content: error instanceof Error ? error.message : String(error) };
        }
    }

    /**
     * An agent (or any Rocket.Chat user) writes in a room, optionally with uploaded files. A
     * caption typed in the upload dialog goes to the first attachment's description, as
     * Rocket.Chat's sendFileMessage does (the message's own text may then be empty). Like the
     * server, a text above Message_MaxAllowedSize is refused (throws).
     */
    public agentMessage(roomId: string, username: string, text: string, files: Array<AgentFile> = [], caption?: string): string {
        const sender = this.store.userByUsername(username);
        if (!sender) {
            throw new Error(`no user ${username}`);
        }
        const ids: Array<string> = [];
        const attachments: Array<IMessageAttachment> = files.map((file) => {
            const id = randomId();
            ids.push(id);
            const data = file.data ?? Buffer.from(file.name);
            this.store.uploads.set(id, { id, name: file.name, type: file.type, size: data.length, roomId, userId: sender.id, data });
            return fileAttachment(id, file);
        });
        if (caption !== undefined && attachments[0]) {
            attachments[0].description = caption;
        }
        const firstFile = files[0] ? { _id: ids[0], name: files[0].name, type: files[0].type } : undefined;
        return this.next().livechat.sendAsUser({ roomId, sender, text, attachments: attachments.length ? attachments : undefined, file: firstFile }).id!;
    }

    /**
     * The livechat visitor uploads a file from the widget (Rocket.Chat's livechat upload endpoint,
     * app/livechat/imports/server/rest/upload.ts): the same /file-upload attachment as an agent's,
     * the caption in its description, sent as the visitor (no size check).
     */
    public visitorUpload(roomId: string, file: AgentFile, caption?: string): string {
        const room = this.store.rooms.get(roomId);
        const visitor = room ? this.store.visitorByToken(room.visitor.token) : undefined;
        if (!room || !visitor) {
            throw new Error(`no livechat room ${roomId}`);
        }
        const id = randomId();
        const data = file.data ?? Buffer.from(file.name);
        const livechat = this.next().livechat;
        const sender = livechat.visitorAsUser(visitor);
        this.store.uploads.set(id, { id, name: file.name, type: file.type, size: data.length, roomId, userId: sender.id, data });
        const attachment = fileAttachment(id, file);
        if (caption !== undefined) {
            attachment.description = caption;
        }
        return livechat.postMessage({ roomId, sender, visitor, text: '', attachments: [attachment], file: { _id: id, name: file.name, type: file.type } }).id!;
    }

    /** Logs a user in (or makes a personal access token): the credentials for X-User-Id + X-Auth-Token or the rc_uid + rc_token cookies. */
    public login(username: string): { userId: string; authToken: string } {
        const user = this.store.userByUsername(username);
        if (!user) {
            throw new Error(`no user ${username}`);
        }
        const authToken = randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '');
        const tokens = this.store.loginTokens.get(user.id) ?? new Set<string>();
        tokens.add(authToken);
        this.store.loginTokens.set(user.id, tokens);
        return { userId: user.id, authToken };
    }

    /** The endpoint paths the app registered (Rocket.Chat mounts each with router.all). */
    public endpointPaths(appId: string): ReadonlyArray<string> {
        return [...(this.acting().bridges.api.paths.get(appId) ?? [])];
    }

    /** A user types a slash command in a room (see runSlashCommand), on the next instance; resolves when the app's command has run. */
    public async slashCommand(call: SlashCommandCall): Promise<void> {
        const instance = this.next();
        await runSlashCommand(this.engine(instance), instance.bridges.commands, this.store, call);
    }

    /** Closes a room as an agent does from the Omnichannel UI. */
    public closeAsAgent(roomId: string, username: string, comment = ''): boolean {
        return this.next().livechat.closeRoom(roomId, comment, this.store.userByUsername(username), 'user');
    }

    /** Closes a room as the visitor does (widget "end chat"). */
    public closeAsVisitor(roomId: string): boolean {
        const room = this.store.rooms.get(roomId);
        const livechat = this.next().livechat;
        return room ? livechat.closeRoom(roomId, '', livechat.visitorAsUser(room.visitor), 'visitor') : false;
    }

    /** Transfers a room as an agent does from the Omnichannel UI (which picks the department from a list); Rocket.Chat's errors are thrown. */
    public transfer(roomId: string, target: { department?: string; agent?: string }, byUsername?: string): boolean {
        const department = target.department ? this.store.departmentByIdOrName(target.department)?.id ?? target.department : undefined;
        const agent = target.agent ? this.store.userByUsername(target.agent)?.id ?? target.agent : undefined;
        return this.next().livechat.transfer(roomId, { departmentId: department, agentId: agent }, byUsername ? this.store.userByUsername(byUsername) : undefined);
    }

    /** Changes a Rocket.Chat server setting as an admin does (e.g. `Livechat_accept_chats_with_no_agents`). */
    public setServerSetting(id: string, value: unknown): void {
        this.store.serverSettings.set(id, value);
    }

    /** Disables and enables the app again on every instance (its Deno processes restart; persistence stays). */
    public async restartApp(appId: string): Promise<void> {
        for (const instance of this.running()) {
            await this.engine(instance).disable(appId);
        }
        for (const instance of this.running()) {
            await this.engine(instance).enable(appId);
        }
    }

    /** Stops every engine and starts new ones on the same storages, as a Rocket.Chat restart does. */
    public async reloadEngine(): Promise<void> {
        // A stopping Rocket.Chat process saves nothing about its apps (MemoryMetadataStorage.frozen).
        this.metadata.frozen = true;
        try {
            for (const instance of this.running()) {
                await this.stopEngine(instance);
            }
        } finally {
            this.metadata.frozen = false;
        }
        for (const instance of this.instances) {
            this.instances[instance.index] = this.newInstance(instance.index);
        }
        await this.start();
    }

    /**
     * Stops one instance as a server process stops: its Agenda stops polling and releases its
     * locks (a job it was running is taken by another instance), its app's Deno process is
     * killed mid-work and the calls it was making fail; nothing of it is recorded afterwards.
     */
    public async stopInstance(index: number): Promise<void> {
        const instance = this.instances[index];
        if (!instance || instance.stopped) {
            return;
        }
        instance.stopped = true;
        const stopping = instance.bridges.scheduler.stop(false);
        if (instance.manager) {
            await this.killRuntimes(instance.manager);
            await failPendingRuntimeCalls(instance.manager, `instance ${index} stopped`);
            await instance.manager.unload(true).catch(() => undefined);
        }
        this.events.attach(undefined, index);
        instance.manager = undefined;
        await stopping;
    }

    /** Flattened app log lines, newest last; `byEngine` marks the lines the engine's runtime wrote itself, not the app. */
    public appLogLines(appId: string): Array<{ severity: string; method: string; text: string; byEngine: boolean }> {
        return this.logs.entries
            .filter((entry) => entry.appId === appId)
            .flatMap((entry) => entry.entries.map((line) => {
                const text = line.args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
                return { severity: String(line.severity), method: entry.method, text, byEngine: isEngineLogLine(text) };
            }));
    }

    /** Every HTTP call the app made through this engine, with its outcome (status, timeout, refused). */
    public httpCalls(): ReadonlyArray<HttpCall> {
        return this.instances.flatMap((instance) => instance.bridges.http.calls);
    }

    /** The app's scheduler jobs as stored (pending, running, or failed and left behind). */
    public scheduledJobs(appId: string): Array<ScheduledJob> {
        return this.instances[0].bridges.scheduler.jobs(appId);
    }

    /**
     * Runs the app's recurring job `id` now, as if its interval had passed (see runJobNow): the
     * pinned instance polls for it, else every running instance at once. Resolves with the name of
     * the instance that ran it (`instance-<n>`) once that run has finished.
     */
    public async runJobNow(appId: string, id: string): Promise<string> {
        const pollers = this.pinned !== undefined ? [this.instances[this.pinned]] : this.running();
        return runJobNow(this.store.schedulerJobs, pollers.map((instance) => instance.bridges.scheduler), `${id}_${appId}`);
    }

    public async stop(): Promise<void> {
        for (const instance of this.running()) {
            await this.stopEngine(instance);
        }
        this.errors.retire();
        fs.rmSync(this.tempDir, { recursive: true, force: true });
    }

    private newInstance(index: number): Instance {
        const livechat = new LivechatService(this.store, this.events.of(index));
        const bridges = new HostBridges(this.store, livechat, this.errors, `instance-${index}`);
        bridges.detailChanges.notify = (appId, setting) => this.announceSetting(index, appId, setting);
        return { index, livechat, bridges, stopped: false };
    }

    /**
     * AppServerNotifier.appSettingsChange → AppServerListener.onAppSettingsChange on every other
     * instance: its copy of the app takes the setting (and runs onSettingUpdated) without
     * announcing it again. Runs after the saving call, as a broadcast does; `events.settle()` waits for it.
     */
    private announceSetting(from: number, appId: string, setting: ISetting): void {
        if (this.receivingSetting.has(`${from}:${appId}:${setting.id}`)) {
            return;
        }
        for (const instance of this.running().filter((candidate) => candidate.index !== from)) {
            const key = `${instance.index}:${appId}:${setting.id}`;
            this.events.track((async () => {
                this.receivingSetting.add(key);
                try {
                    await this.engine(instance).getSettingsManager().updateAppSetting(appId, { ...setting });
                } finally {
                    this.receivingSetting.delete(key);
                }
            })());
        }
    }

    private async startInstance(instance: Instance): Promise<void> {
        // tempFilePath is read from Apps-Engine 1.62 on; older engines ignore it.
        const deps = { metadataStorage: this.metadata, logStorage: this.logs, bridges: instance.bridges, sourceStorage: this.sources, tempFilePath: this.tempDir };
        (AppManager as unknown as { Instance?: unknown }).Instance = undefined;
        const manager = new AppManager(deps);
        instance.manager = manager;
        instance.stopped = false;
        this.shareAppPermissions();
        this.events.attach(manager, instance.index);
        await manager.load();
        // Rocket.Chat starts every stored app that was enabled (its orchestrator calls load, then enableAll).
        await manager.enableAll();
        await this.watchApps();
    }

    /**
     * The engine's permission checks ask the static AppManager.Instance (getPermissionsByAppId),
     * which holds the last manager constructed. In a cluster each instance checks its own apps,
     * so the static answers from whichever running instance has the app (the granted permissions
     * come from the shared storage item, the same everywhere).
     */
    private shareAppPermissions(): void {
        const lookup = {
            getPermissionsById: (appId: string) => {
                const owner = this.running().find((candidate) => candidate.manager?.getOneById(appId));
                return owner?.manager?.getPermissionsById(appId) ?? [];
            },
        };
        (AppManager as unknown as { Instance?: unknown }).Instance = lookup;
    }

    private async stopEngine(instance: Instance): Promise<void> {
        const manager = instance.manager;
        if (!manager) {
            return;
        }
        await this.events.settle();
        await instance.bridges.scheduler.stop();
        await this.killRuntimes(manager);
        await manager.unload(true);
        // unload() purges a never-enabled app's configuration, and cancelling its jobs starts the
        // scheduler again (Rocket.Chat's bridge starts it in every call): a stopped server runs none.
        await instance.bridges.scheduler.stop();
        this.events.attach(undefined, instance.index);
        instance.manager = undefined;
        instance.stopped = true;
    }

    /**
     * The engine kills each app's Deno process without waiting for it to exit, and its liveness
     * ping may still write to it in between: an EPIPE on a pipe nobody listens to, which would end
     * this process. Rocket.Chat stops runtimes when the whole server stops, and an app's when it
     * is updated.
     */
    private async killRuntimes(manager: AppManager): Promise<void> {
        for (const child of await runtimeProcesses(manager)) {
            child.stdin?.on('error', () => undefined);
        }
    }

    private async watchApps(): Promise<void> {
        for (const instance of this.running()) {
            for (const app of await this.engine(instance).get()) {
                watchEventHandlerErrors(app, this.errors);
                guardUnsentRequests(app);
            }
        }
    }

    private running(): Array<Instance> {
        return this.instances.filter((instance) => instance.manager && !instance.stopped);
    }

    /** The instance setup and reads go to: the pinned one, else the first running. */
    private acting(): Instance {
        const instance = this.pinned !== undefined ? this.instances[this.pinned] : this.running()[0] ?? this.instances[0];
        return instance;
    }

    /** The instance the next API call or agent action goes to: the pinned one, else round robin over the running ones. */
    private next(): Instance {
        if (this.pinned !== undefined) {
            return this.instances[this.pinned];
        }
        const running = this.running();
        if (running.length === 0) {
            return this.instances[0];
        }
        const instance = running[this.turn.next % running.length];
        this.turn.next += 1;
        return instance;
    }

    private engine(instance: Instance): AppManager {
        if (!instance.manager) {
            throw new Error(`instance ${instance.index} of the local Rocket.Chat is not running`);
        }
        return instance.manager;
    }
}

/** The attachment of an uploaded file, as parseFileIntoMessageAttachments (app/file-upload/server/methods/sendFileMessage.ts) builds it. */
function fileAttachment(id: string, file: AgentFile): IMessageAttachment {
    const link = `/file-upload/${id}/${encodeURI(file.name)}`;
    // fileId is in IMessageAttachment from Apps-Engine 1.62 on; older servers store it all the same.
    const attachment = { title: { value: file.name, link, displayDownloadLink: true }, type: 'file', fileId: id } as IMessageAttachment;
    if (file.type.startsWith('image/')) {
        attachment.imageUrl = link;
    } else if (file.type.startsWith('audio/')) {
        attachment.audioUrl = link;
    } else if (file.type.startsWith('video/')) {
        attachment.videoUrl = link;
    }
    return attachment;
}
