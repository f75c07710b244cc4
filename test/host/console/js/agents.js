// The Agents tab: departments and their agents, each agent's availability (online toggle), and
// new departments and agents, as under Administration > Omnichannel.
import { $, attempt, fill, formValues, h, toast } from './dom.js';
import { must } from './http.js';
import { onChange } from './live.js';
import { agents, departments, loadOmnichannel, watchOmnichannel } from './state.js';

function onlineSwitch(username, online) {
    return h('label', { class: 'switch' },
        h('input', { type: 'checkbox', checked: online, dataset: { online: username }, onchange: (event) => attempt(async () => {
            await must('PUT', `/host/agents/${encodeURIComponent(username)}/status`, { online: event.target.checked });
            toast(`${username} is ${event.target.checked ? 'online' : 'offline'}`);
            await loadOmnichannel();
        }) }),
        online ? 'online' : 'offline');
}

function render() {
    fill($('#departments'), departments().map((department) => h('div', { class: 'department', dataset: { department: department.name } },
        h('h3', {}, department.name, department.enabled === false ? ' (disabled)' : ''),
        department.agents.length === 0 ? h('p', { class: 'muted small' }, 'No agents: rooms for this department cannot be routed.') : null,
        department.agents.map((agent) => h('div', { class: 'agent-line' },
            h('span', { class: 'name' }, agent.username),
            onlineSwitch(agent.username, agent.online),
            h('button', { type: 'button', onclick: () => attempt(async () => {
                await must('DELETE', `/host/departments/${encodeURIComponent(department.name)}/agents/${encodeURIComponent(agent.username)}`);
                await loadOmnichannel();
            }) }, 'Remove'))))));
    fill($('#agents'), agents().map((agent) => h('div', { class: 'agent-line', dataset: { agent: agent.username } },
        h('span', { class: 'name' }, agent.username, h('span', { class: 'muted small' }, ` ${agent.departments.join(', ') || 'no department'}`)),
        onlineSwitch(agent.username, agent.online))));
}

export function setUpAgents() {
    $('#department-new').addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(async () => {
            await must('POST', '/host/departments', { name: formValues(event.target).name });
            event.target.reset();
            await loadOmnichannel();
        });
    });
    $('#agent-new').addEventListener('submit', (event) => {
        event.preventDefault();
        const { username, department } = formValues(event.target);
        void attempt(async () => {
            if (department) {
                await must('POST', `/host/departments/${encodeURIComponent(department)}/agents`, { username, online: true });
            } else {
                await must('POST', '/host/agents', { username, online: true });
            }
            event.target.reset();
            await loadOmnichannel();
        });
    });
    watchOmnichannel(render);
    onChange(['omnichannel'], () => attempt(loadOmnichannel));
}
