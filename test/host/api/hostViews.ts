import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { StoredDepartment } from '../HostStore';
import { LocalRocketChat } from '../LocalRocketChat';

/** How the host API shows its records: plain JSON, the same shape on every route. */

export function roomView(room: ILivechatRoom): object {
    return {
        id: room.id,
        open: room.isOpen === true,
        visitor: { token: room.visitor.token, name: room.visitor.name, livechatData: room.visitor.livechatData ?? {} },
        department: room.department?.name ?? null,
        /** Where the room came from, as the Omnichannel UI shows it (an app's rooms: its alias and label). */
        source: room.source ?? null,
        servedBy: room.servedBy?.username ?? null,
        customFields: room.customFields ?? {},
        livechatData: room.livechatData ?? {},
        closer: room.closer ?? null,
        createdAt: room.createdAt ?? null,
        closedAt: room.closedAt ?? null,
    };
}

export function messageView(message: IMessage): object {
    return {
        id: message.id,
        type: message.type ?? null,
        sender: message.sender.username,
        senderType: (message as { token?: string }).token ? 'visitor' : message.sender.type,
        text: message.text,
        attachments: message.attachments ?? [],
        blocks: message.blocks ?? [],
        createdAt: message.createdAt,
    };
}

export function departmentView(host: LocalRocketChat, department: StoredDepartment): object {
    return {
        id: department.id,
        name: department.name,
        enabled: department.enabled,
        agents: department.agentIds.map((id) => ({ username: host.store.users.get(id)?.username ?? id, online: host.livechat.isAgentAvailable(id) })),
    };
}

export function agentView(host: LocalRocketChat, user: IUser): object {
    return {
        username: user.username,
        name: user.name,
        online: host.livechat.isAgentAvailable(user.id),
        departments: [...host.store.departments.values()].filter((department) => department.agentIds.includes(user.id)).map((department) => department.name),
    };
}
