// What several panels share: the agent the console acts as, and the departments and agents.
import { getJson } from './http.js';

const state = { agent: 'agent', departments: [], agents: [] };
const watchers = [];

export const acting = () => state.agent;
export const departments = () => state.departments;
export const agents = () => state.agents;

export function setActing(username) {
    state.agent = username;
    localStorage.setItem('tickets-console-agent', username);
}

/** Calls `watcher` now and whenever departments or agents were read again. */
export function watchOmnichannel(watcher) {
    watchers.push(watcher);
    watcher();
}

export async function loadOmnichannel() {
    [state.departments, state.agents] = await Promise.all([getJson('/host/departments'), getJson('/host/agents')]);
    for (const watcher of watchers) {
        watcher();
    }
}

/** The installed app (GET /host/app); the agent this browser acted as last time comes back too. */
export async function loadApp() {
    const remembered = localStorage.getItem('tickets-console-agent');
    if (remembered) {
        state.agent = remembered;
    }
    return getJson('/host/app');
}
