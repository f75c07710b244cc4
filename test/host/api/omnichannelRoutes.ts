import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { HostApiContext } from './HostApiContext';
import { HostApiError } from './HostApiError';
import { bodyObject, optionalArray, optionalBoolean, requiredString } from './hostInput';
import { answer, HostRoute } from './HostRoute';
import { agentView, departmentView } from './hostViews';

/**
 * What an admin does under Administration > Omnichannel: departments, agents, who is in which
 * department, and each agent's availability (the agent's own "available" switch).
 */
export function omnichannelRoutes(context: HostApiContext): Array<HostRoute> {
    const { host } = context;
    /** Makes an existing user an Omnichannel agent (Omnichannel > Agents > add), as Rocket.Chat adds the livechat-agent role. */
    const makeAgent = (user: IUser): void => {
        if (!user.roles.includes('livechat-agent')) {
            user.roles.push('livechat-agent');
        }
    };
    return [
        {
            method: 'GET', path: '/host/departments', summary: 'departments with their agents',
            handle: () => answer(200, [...host.store.departments.values()].map((department) => departmentView(host, department))),
        },
        {
            method: 'POST', path: '/host/departments', summary: 'create a department {"name":"Bot"} (201; an existing name → 200 with that department)',
            handle: ({ body }) => {
                const name = requiredString(bodyObject(body), 'name').trim();
                const existing = [...host.store.departments.values()].find((department) => department.name === name);
                if (existing) {
                    return answer(200, departmentView(host, existing));
                }
                return answer(201, departmentView(host, context.department(host.livechat.createDepartment(name).id)));
            },
        },
        {
            method: 'GET', path: '/host/departments/:department', summary: 'one department, by name or id',
            handle: ({ params }) => answer(200, departmentView(host, context.department(params.department))),
        },
        {
            method: 'POST', path: '/host/departments/:department/agents', summary: 'add a user to the department as an agent {"username":"tickets.bot","online":true}',
            handle: ({ params, body }) => {
                const input = bodyObject(body);
                const username = requiredString(input, 'username');
                const online = optionalBoolean(input, 'online');
                const department = context.department(params.department);
                const user = context.user(username);
                makeAgent(user);
                host.livechat.addAgent(username, [department.id], online ?? (host.store.agentAvailable.has(user.id) ? host.livechat.isAgentAvailable(user.id) : true));
                return answer(200, departmentView(host, department));
            },
        },
        {
            method: 'DELETE', path: '/host/departments/:department/agents/:username', summary: 'take an agent out of the department',
            handle: ({ params }) => {
                const department = context.department(params.department);
                const user = context.user(params.username);
                if (!department.agentIds.includes(user.id)) {
                    throw HostApiError.notFound(`"${user.username}" is not an agent of department "${department.name}"`);
                }
                department.agentIds = department.agentIds.filter((id) => id !== user.id);
                department.numberOfAgents = department.agentIds.length;
                return answer(200, departmentView(host, department));
            },
        },
        {
            method: 'GET', path: '/host/agents', summary: 'Omnichannel agents: online or not, and their departments',
            handle: () => answer(200, context.agents().map((user) => agentView(host, user))),
        },
        {
            method: 'POST', path: '/host/agents', summary: 'create an agent (or make a user one) {"username":"ana","departments":["Support"],"online":true} (201 when the user is new)',
            handle: ({ body }) => {
                const input = bodyObject(body);
                const username = requiredString(input, 'username').trim();
                const online = optionalBoolean(input, 'online');
                const departments = (optionalArray(input, 'departments') ?? []).map((value, index) => {
                    if (typeof value !== 'string') {
                        throw HostApiError.badRequest(`"departments[${index}]" must be a department name or id`);
                    }
                    return context.department(value);
                });
                const existing = host.store.userByUsername(username);
                if (existing) {
                    makeAgent(existing);
                }
                const wasAvailable = existing && host.store.agentAvailable.has(existing.id) ? host.livechat.isAgentAvailable(existing.id) : true;
                const agent = host.livechat.addAgent(username, departments.map((department) => department.id), online ?? wasAvailable);
                return answer(existing ? 200 : 201, agentView(host, agent));
            },
        },
        {
            method: 'PUT', path: '/host/agents/:username/status', summary: 'an agent goes online or offline {"online":false}',
            handle: ({ params, body }) => {
                const online = optionalBoolean(bodyObject(body), 'online');
                if (online === undefined) {
                    throw HostApiError.badRequest('"online" is required (true or false)');
                }
                const user = context.user(params.username);
                if (!context.isAgent(user)) {
                    throw HostApiError.badRequest(`"${user.username}" is not an Omnichannel agent (POST /host/agents makes it one)`);
                }
                host.livechat.setAgentAvailable(user.id, online);
                return answer(200, agentView(host, user));
            },
        },
    ];
}
