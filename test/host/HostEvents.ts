import { IDepartment } from '@rocket.chat/apps-engine/definition/livechat/IDepartment';
import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';

import { HostErrors } from './HostErrors';

/** The events one Rocket.Chat instance fires: the app of that instance handles them. */
export interface InstanceEvents {
    messageSent(message: IMessage): void;
    roomClosed(room: ILivechatRoom): void;
    roomStarted(room: ILivechatRoom): void;
    roomTransferred(room: ILivechatRoom, from: IUser | IDepartment | undefined, to: IUser | IDepartment): void;
}

/**
 * Fires app events the way Rocket.Chat does: after the change is stored, without the
 * caller waiting (Rocket.Chat runs its after-save callbacks asynchronously), on the instance
 * where the change happened (each instance's AppManager runs its own copy of the app).
 * `settle()` waits for every event fired so far on every instance, so tests can observe the
 * outcome. A failure is never swallowed: it goes to the host's errors.
 */
export class HostEvents {
    /** Ids of the messages IPostMessageSent was fired for, oldest first (system messages never appear). */
    public readonly postMessageSentIds: Array<string> = [];
    private readonly pending = new Set<Promise<unknown>>();
    private readonly managers = new Map<number, AppManager>();
    private held?: { gate: Promise<void>; open: () => void };

    constructor(private readonly errors: HostErrors) {}

    /** The AppManager of instance `instance` (0 when there is one), or none while it is stopped. */
    public attach(manager: AppManager | undefined, instance = 0): void {
        if (manager) {
            this.managers.set(instance, manager);
        } else {
            this.managers.delete(instance);
        }
    }

    /** The events of one instance. */
    public of(instance: number): InstanceEvents {
        return {
            messageSent: (message) => {
                this.postMessageSentIds.push(message.id ?? '');
                // executeListener() starts IPostMessageSent without awaiting it; the engine's own
                // executePostMessageSent() is awaited here so that settle() covers the app's handling.
                this.run(instance, (manager) => (manager.getListenerManager() as unknown as { executePostMessageSent(m: IMessage): Promise<void> }).executePostMessageSent(message));
            },
            roomClosed: (room) => this.fire(instance, AppInterface.IPostLivechatRoomClosed, room),
            roomStarted: (room) => this.fire(instance, AppInterface.IPostLivechatRoomStarted, room),
            roomTransferred: (room, from, to) => this.fire(instance, AppInterface.IPostLivechatRoomTransferred, { type: 'username' in to ? 'agent' : 'department', room, from, to }),
        };
    }

    /** Events fired from now on wait until `resume()` (a test can show that an answer did not wait for them). */
    public hold(): void {
        let open = (): void => undefined;
        const gate = new Promise<void>((resolve) => {
            open = resolve;
        });
        this.held = { gate, open };
    }

    public resume(): void {
        this.held?.open();
        this.held = undefined;
    }

    /** Other work a test should be able to wait for with `settle()` (a broadcast between instances); its failure goes to the host's errors. */
    public track(work: Promise<unknown>): void {
        const run = work.catch((error) => this.errors.record('host', error));
        this.pending.add(run);
        void run.finally(() => this.pending.delete(run));
    }

    /** Events fired and not finished yet. */
    public pendingCount(): number {
        return this.pending.size;
    }

    public async settle(): Promise<void> {
        while (this.pending.size > 0) {
            await Promise.allSettled([...this.pending]);
        }
    }

    private fire(instance: number, event: AppInterface, payload: unknown): void {
        this.run(instance, (manager) => manager.getListenerManager().executeListener(event as never, payload as never));
    }

    private run(instance: number, action: (manager: AppManager) => Promise<unknown>): void {
        const manager = this.managers.get(instance);
        if (!manager) {
            return;
        }
        const gate = this.held?.gate;
        const run = new Promise<void>((resolve) => setImmediate(resolve))
            .then(() => gate)
            .then(() => action(manager))
            .catch((error) => this.errors.record('event', error));
        this.pending.add(run);
        void run.finally(() => this.pending.delete(run));
    }
}
