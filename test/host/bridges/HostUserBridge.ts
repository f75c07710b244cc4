import { IUser, UserType } from '@rocket.chat/apps-engine/definition/users';
import { IUserCreationOptions } from '@rocket.chat/apps-engine/definition/users/IUserCreationOptions';
import { UserBridge } from '@rocket.chat/apps-engine/server/bridges/UserBridge';

import { HostStore } from '../HostStore';
import { LivechatService } from '../LivechatService';

export class HostUserBridge extends UserBridge {
    constructor(private readonly store: HostStore, private readonly livechat: LivechatService) {
        super();
    }

    protected async getById(id: string): Promise<IUser> {
        return this.store.users.get(id)!;
    }

    protected async getByUsername(username: string): Promise<IUser> {
        return this.store.userByUsername(username)!;
    }

    protected async getAppUser(appId?: string): Promise<IUser | undefined> {
        return [...this.store.users.values()].find((user) => user.type === UserType.APP && user.appId === appId);
    }

    protected async getActiveUserCount(): Promise<number> {
        return [...this.store.users.values()].filter((user) => user.isEnabled).length;
    }

    protected async getUserUnreadMessageCount(): Promise<number> {
        return 0;
    }

    protected async getUserRoomIds(userId: string): Promise<string[]> {
        return [...this.store.rooms.values()].filter((room) => room.servedBy?.id === userId).map((room) => room.id);
    }

    protected async create(data: Partial<IUser>, _appId: string, _options?: IUserCreationOptions): Promise<string> {
        return this.livechat.createUser({ ...data, username: data.username ?? 'app.bot' }).id;
    }

    protected async remove(user: IUser): Promise<boolean> {
        return this.store.users.delete(user.id);
    }

    protected async update(user: IUser, updates: Partial<IUser>): Promise<boolean> {
        const stored = this.store.users.get(user.id);
        if (!stored) {
            return false;
        }
        Object.assign(stored, updates);
        return true;
    }

    protected async deleteUsersCreatedByApp(appId: string): Promise<boolean> {
        for (const user of [...this.store.users.values()]) {
            if (user.appId === appId) {
                this.store.users.delete(user.id);
            }
        }
        return true;
    }

    protected async deactivate(userId: string): Promise<boolean> {
        const user = this.store.users.get(userId);
        if (user) {
            user.isEnabled = false;
        }
        return Boolean(user);
    }
}
