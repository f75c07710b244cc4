import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IDepartment } from '@rocket.chat/apps-engine/definition/livechat/IDepartment';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata';
import { IUser } from '@rocket.chat/apps-engine/definition/users';
import { AppManager } from '@rocket.chat/apps-engine/server/AppManager';
import { HostErrors } from './HostErrors';

/**
 * Fires app events the way Rocket.Chat does: after the change is stored, without the
 * caller waiting (Rocket.Chat runs its after-save callbacks asynchronously). `settle()`
 * waits for every event fired so far, so tests can observe the outcome. A failure is never
 * swallowed: it goes to the host's errors.
 */
export class HostEvents {
    /** Ids of the messages IPostMessageSent was fired for, oldest first (system messages never appear). */
    public readonly postMessageSentIds: Array<string> = [];
    private readonly pending = new Set<Promise<unknown>>();
    private manager?: AppManager;
    private held?: { gate: Promise<void>; open: () => void };

    constructor(private readonly errors: HostErrors) {}

    public attach(manager: AppManager | undefined): void {
        this.manager = manager;
    }

    public messageSent(message: IMessage): void {
        this.postMessageSentIds.push(message.id ?? '');
        // executeListener() starts IPostMessageSent without awaiting it; the engine's own
        // executePostMessageSent() is awaited here so that settle() covers the app's handling.
        this.run((manager) => (manager.getListenerManager() as unknown as { executePostMessageSent(m: IMessage): Promise<void> }).executePostMessageSent(message));
    }

    public roomClosed(room: ILivechatRoom): void {
        this.fire(AppInterface.IPostLivechatRoomClosed, room);
    }

    public roomStarted(room: ILivechatRoom): void {
        this.fire(AppInterface.IPostLivechatRoomStarted, room);
    }

    public roomTransferred(room: ILivechatRoom, from: IUser | IDepartment | undefined, to: IUser | IDepartment): void {
        this.fire(AppInterface.IPostLivechatRoomTransferred, { type: 'username' in to ? 'agent' : 'department', room, from, to });
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

    /** Events fired and not finished yet. */
    public pendingCount(): number {
        return this.pending.size;
    }

    public async settle(): Promise<void> {
        while (this.pending.size > 0) {
            await Promise.allSettled([...this.pending]);
        }
    }

    private fire(event: AppInterface, payload: unknown): void {
        this.run((manager) => manager.getListenerManager().executeListener(event as never, payload as never));
    }

    private run(action: (manager: AppManager) => Promise<unknown>): void {
        const manager = this.manager;
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
