import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { StoredDepartment } from '../HostStore';
import { LocalRocketChat } from '../LocalRocketChat';
import { HostApiError } from './HostApiError';

/** What the host API's routes work on, with the lookups that answer 404 naming what was not found. */
export class HostApiContext {
    constructor(public readonly host: LocalRocketChat, public readonly appId: () => string) {}

    public room(id: string): ILivechatRoom {
        const room = this.host.store.rooms.get(id);
        if (!room) {
            throw HostApiError.notFound(`no room "${id}" (GET /host/rooms lists them)`);
        }
        return room;
    }

    public openRoom(id: string): ILivechatRoom {
        const room = this.room(id);
        if (!room.isOpen) {
            throw HostApiError.badRequest(`room "${id}" is closed`);
        }
        return room;
    }

    public user(username: string): IUser {
        const user = this.host.store.userByUsername(username);
        if (!user) {
            throw HostApiError.notFound(`no user "${username}" (GET /host/agents lists the agents; POST /host/agents creates one)`);
        }
        return user;
    }

    /** A department by id or by name. */
    public department(idOrName: string): StoredDepartment {
        const department = this.host.store.departmentByIdOrName(idOrName);
        if (!department) {
            throw HostApiError.notFound(`no department "${idOrName}" (GET /host/departments lists them; POST /host/departments creates one)`);
        }
        return department;
    }

    /** Users who are Omnichannel agents: the livechat-agent role, or a member of a department. */
    public agents(): Array<IUser> {
        const members = new Set([...this.host.store.departments.values()].flatMap((department) => department.agentIds));
        return [...this.host.store.users.values()].filter((user) => user.roles.includes('livechat-agent') || members.has(user.id));
    }

    public isAgent(user: IUser): boolean {
        return this.agents().some((agent) => agent.id === user.id);
    }
}
