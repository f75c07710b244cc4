// The Sources tab: per source, the app's status (switch, configuration, traffic, outbox queued,
// retrying and parked with the receiver's error, and retry), and what its fake receiver got.
import { $, attempt, fill, h, shortTime, toast } from './dom.js';
import { appCall, call, errorText } from './http.js';
import { onChange } from './live.js';

const LABELS = { rapidpro: 'RapidPro', gitple: 'Gitple', chatday: 'Chatday', uchat: 'UChat', closer: 'CLOSER' };
const FAILURES = [400, 401, 404, 429, 500, 503];
let status;
let receivers;
let receiversMissing = '';
/** What the tab shows, so that the same status read again changes nothing on the page (an open menu stays open). */
let shown = '';

/** The parked items of one source: status lists the newest of every source together (`parked.items`), each with its `source`. */
const parkedItems = (source) => status.parked.items.filter((item) => item.source === source.source);

async function retry(selection, what) {
    const answer = await appCall('rapidpro', 'POST', 'outbox.retry', selection);
    if (answer.status >= 400) {
        throw new Error(`outbox.retry: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    toast(`${what}: ${answer.body.retried} sent again${answer.body.remaining ? `, ${answer.body.remaining} still parked` : ''}`);
    await refreshStatus();
}

function retryButton(selection, label, what) {
    return h('button', { type: 'button', title: `POST outbox.retry ${JSON.stringify(selection)}`, dataset: { retry: JSON.stringify(selection) }, onclick: () => attempt(() => retry(selection, what)) }, label);
}

function numbers(source) {
    const cells = [
        ['open rooms', source.openRooms],
        ['messages in', source.messagesIn ?? 0],
        ['messages out', source.messagesOut ?? 0],
        ['queued', source.outbox.queued],
        ['parked', source.outbox.parked],
    ];
    return h('div', { class: 'numbers' }, cells.map(([name, value]) => h('div', { dataset: { number: name } }, h('b', {}, String(value ?? 0)), h('span', {}, name))));
}

function outboxView(source) {
    const parked = parkedItems(source);
    return [
        source.outbox.retrying.length ? [
            h('h3', {}, 'Retrying'),
            h('table', {}, h('tr', {}, h('th', {}, 'room'), h('th', {}, 'kind'), h('th', {}, 'attempts'), h('th', {}, 'next'), h('th', {}, 'receiver said')),
                source.outbox.retrying.map((item) => h('tr', {},
                    h('td', {}, item.room), h('td', {}, item.kind), h('td', {}, String(item.attempts)), h('td', {}, shortTime(item.nextAttemptAt)), h('td', { class: 'error-text' }, item.lastError ?? '')))),
        ] : null,
        source.outbox.parked ? [
            h('div', { class: 'row spread' }, h('h3', {}, `Parked (${source.outbox.parked})`), retryButton({ source: source.source }, 'Retry all parked', LABELS[source.source] ?? source.source)),
            h('table', { dataset: { parked: source.source } }, h('tr', {}, h('th', {}, 'kind'), h('th', {}, 'room'), h('th', {}, 'parked'), h('th', {}, 'reason'), h('th', {}, '')),
                parked.map((item) => h('tr', { dataset: { item: item.id } },
                    h('td', {}, item.kind), h('td', {}, item.room), h('td', {}, shortTime(item.parkedAt)), h('td', { class: 'error-text' }, item.reason),
                    h('td', {}, retryButton({ item: item.id }, 'Retry', item.kind))))),
            parked.length < source.outbox.parked ? h('p', { class: 'muted small' }, `Status lists the newest ${status.parked.items.length} parked items of all sources; Retry all sends every one of this source.`) : null,
        ] : null,
    ];
}

function receiverView(name) {
    if (!receivers) {
        return h('p', { class: 'muted small' }, receiversMissing);
    }
    const receiver = receivers.find((candidate) => candidate.platform === name);
    if (!receiver) {
        return null;
    }
    const answering = h('select', { 'aria-label': `how the fake ${name} answers`, dataset: { answering: name }, onchange: (event) => attempt(async () => {
        const answer = await call('PUT', `/host/receivers/${name}/answer`, { status: Number(event.target.value) });
        if (answer.status >= 400) {
            throw new Error(errorText(answer));
        }
        toast(Number(event.target.value) === 200 ? `The fake ${LABELS[name]} answers normally` : `The fake ${LABELS[name]} answers ${event.target.value} to everything`);
    }) }, h('option', { value: '200' }, 'answers normally'), FAILURES.map((code) => h('option', { value: String(code) }, `fails with ${code}`)));
    const current = receiver.answering === 'normally' ? '200' : String(receiver.answering);
    if (![...answering.options].some((option) => option.value === current)) {
        answering.append(h('option', { value: current }, String(receiver.answering)));
    }
    answering.value = current;
    return [
        h('div', { class: 'row spread' }, h('h3', {}, `Fake ${LABELS[name] ?? name} received (${receiver.received})`), answering),
        receiver.requests.length === 0 ? h('p', { class: 'muted small' }, `Nothing yet (${receiver.origin}).`) : h('ul', { class: 'requests', dataset: { requests: name } },
            [...receiver.requests].reverse().map((request) => h('li', {},
                h('span', {}, `${shortTime(request.at)} ${request.method} ${request.path} → `),
                h('b', { class: request.outcome === 'ok' ? '' : 'error-text' }, request.outcome === 'hang' ? 'caller gave up' : String(request.status ?? '…')),
                request.body ? h('code', {}, request.body) : null))),
    ];
}

function sourceView(source) {
    const problems = source.problems ?? [];
    return h('article', { class: 'panel source', dataset: { source: source.source } },
        h('div', { class: 'row spread' },
            h('h2', {}, LABELS[source.source] ?? source.source),
            h('span', {},
                h('span', { class: `badge ${source.enabled ? 'ok' : ''}` }, source.enabled ? 'on' : 'off'), ' ',
                h('span', { class: `badge ${source.configured ? 'ok' : 'warn'}` }, source.configured ? 'configured' : 'not configured'))),
        problems.map((problem) => h('p', { class: 'problem' }, problem)),
        numbers(source),
        h('p', { class: 'muted small' }, `last in ${shortTime(source.lastInAt) || '—'} · last out ${shortTime(source.lastOutAt) || '—'}${source.outbox.oldestQueuedAt ? ` · oldest queued ${shortTime(source.outbox.oldestQueuedAt)}` : ''}`),
        source.lastError ? h('p', { class: 'small' }, 'Last delivery error: ', h('span', { class: 'error-text' }, source.lastError.message), ` (${shortTime(source.lastError.at)})`) : null,
        outboxView(source),
        receiverView(source.source));
}

function render() {
    if (!status) {
        return;
    }
    $('#sources-time').textContent = `read ${shortTime(new Date().toISOString())}`;
    const json = JSON.stringify([status, receivers, receiversMissing]);
    if (json !== shown) {
        shown = json;
        fill($('#sources'), status.sources.map(sourceView));
    }
}

export async function refreshStatus() {
    const answer = await appCall('rapidpro', 'GET', 'status');
    if (answer.status !== 200) {
        fill($('#sources'), h('p', { class: 'error-text' }, `status answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`));
        return;
    }
    status = answer.body;
    render();
}

async function refreshReceivers() {
    const answer = await call('GET', '/host/receivers?limit=30');
    if (answer.status === 200) {
        receivers = answer.json;
    } else {
        receivers = undefined;
        receiversMissing = answer.json?.error ?? '';
    }
    render();
}

const visible = () => !$('#tab-sources').hidden;

export function setUpSources() {
    $('#sources-refresh').addEventListener('click', () => attempt(refreshStatus));
    const statusLater = onChange(['rooms', 'receivers', 'settings'], () => (visible() ? attempt(refreshStatus) : undefined));
    onChange(['receivers'], () => attempt(refreshReceivers));
    // The outbox also changes with no room or receiver change (an attempt at a receiver that is down): read it again now and then.
    setInterval(() => {
        if (visible()) {
            statusLater();
        }
    }, 5000);
    document.querySelector('[data-tab="sources"]').addEventListener('click', () => attempt(refreshStatus));
}
