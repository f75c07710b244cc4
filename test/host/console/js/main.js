// The playground's web console: tabs, the acting agent, and every panel set up once.
import { setUpAgents } from './agents.js';
import { $, $$, attempt, fill, h } from './dom.js';
import { loadEmoji } from './emoji.js';
import { must } from './http.js';
import { connect } from './live.js';
import { setUpLogs } from './logs.js';
import { refreshRooms, setUpRooms } from './rooms.js';
import { setUpSettings } from './settings.js';
import { setUpSources } from './sources.js';
import { setUpStart } from './start.js';
import { acting, agents, loadApp, loadOmnichannel, setActing, watchOmnichannel } from './state.js';
import { setUpVisitor } from './visitor.js';

function showTab(name) {
    for (const button of $$('.tabs button')) {
        button.setAttribute('aria-selected', String(button.dataset.tab === name));
    }
    for (const panel of $$('.tab')) {
        panel.hidden = panel.id !== `tab-${name}`;
    }
}

/** The agent the console acts as; logging in as it lets the browser open file links, as Rocket.Chat's web client does. */
async function actAs(username) {
    setActing(username);
    await must('POST', '/host/login', { username });
}

function renderAgentChoice() {
    const select = $('#acting-agent');
    fill(select, agents().map((agent) => h('option', { value: agent.username }, agent.username)));
    select.value = acting();
}

async function main() {
    for (const button of $$('.tabs button')) {
        button.addEventListener('click', () => showTab(button.dataset.tab));
    }
    // Links like <a href="#sources"> switch tabs.
    document.addEventListener('click', (event) => {
        const link = event.target.closest('a[href^="#"]');
        const tab = link && $(`.tabs button[data-tab="${link.getAttribute('href').slice(1)}"]`);
        if (tab) {
            event.preventDefault();
            tab.click();
        }
    });
    const [app] = await Promise.all([loadApp(), loadEmoji()]);
    $('#app-info').textContent = `app ${app.id.slice(0, 8)}… · ${app.status} · Apps-Engine ${app.engine}${app.instances > 1 ? ` · ${app.instances} instances` : ''}`;
    await loadOmnichannel();
    if (!agents().some((agent) => agent.username === acting())) {
        setActing(agents()[0]?.username ?? 'agent');
    }
    await actAs(acting());
    watchOmnichannel(renderAgentChoice);
    $('#acting-agent').addEventListener('change', (event) => attempt(() => actAs(event.target.value)));
    setUpRooms();
    setUpStart();
    setUpVisitor();
    setUpSources();
    setUpAgents();
    setUpLogs();
    setUpSettings();
    await refreshRooms();
    connect();
    document.body.dataset.ready = 'true';
}

void attempt(main);
