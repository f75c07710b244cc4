// The Logs tab: the app's log lines (GET /host/logs), newest first, with a level filter.
import { $, attempt, fill, h } from './dom.js';
import { getJson } from './http.js';
import { onChange } from './live.js';

const SHOWN = 300;

async function refreshLogs() {
    const level = $('#log-level').value;
    const lines = await getJson(`/host/logs?level=${encodeURIComponent(level)}&limit=${SHOWN * 2}`);
    const withEngine = $('#log-engine').checked;
    const search = $('#log-search').value.trim().toLowerCase();
    // Entries are stored when each call into the app ends; the lines are shown by the time each was written, newest first.
    const shown = lines
        .filter((line) => (withEngine || !line.byEngine) && (!search || line.text.toLowerCase().includes(search) || line.method.toLowerCase().includes(search)))
        .sort((a, b) => a.at.localeCompare(b.at))
        .slice(-SHOWN)
        .reverse();
    fill($('#logs'), shown.map((line) => h('li', { class: `severity-${line.severity}`, dataset: { severity: line.severity } },
        h('time', {}, line.at.slice(11, 23)),
        h('span', {}, line.severity),
        h('span', { class: 'text' }, h('span', { class: 'method' }, `${line.method}${line.byEngine ? ' (engine)' : ''}`), line.text))));
}

export function setUpLogs() {
    for (const control of ['#log-level', '#log-engine']) {
        $(control).addEventListener('change', () => attempt(refreshLogs));
    }
    $('#log-search').addEventListener('input', () => attempt(refreshLogs));
    onChange(['logs'], () => ($('#tab-logs').hidden ? undefined : attempt(refreshLogs)));
    document.querySelector('[data-tab="logs"]').addEventListener('click', () => attempt(refreshLogs));
}
