// The Rooms tab: livechat rooms (open, queued, closed), one room's messages, and what an agent
// does there: reply with text, emoji and files, close, transfer.
import { $, $$, attempt, fill, formValues, h, shortTime, toast } from './dom.js';
import { PICKER, withEmoji } from './emoji.js';
import { getJson, must } from './http.js';
import { onChange } from './live.js';
import { messageView } from './messages.js';
import { acting, agents, departments, watchOmnichannel } from './state.js';

let rooms = [];
let filter = 'open';
let selected;

const sourceLabel = (room) => room.source?.label ?? room.source?.alias ?? room.source?.type ?? '';
const isQueued = (room) => room.open && !room.servedBy;

function statusBadge(room) {
    if (!room.open) {
        return h('span', { class: 'badge' }, 'closed');
    }
    return isQueued(room) ? h('span', { class: 'badge warn' }, 'queued') : h('span', { class: 'badge ok' }, 'open');
}

function shown(room) {
    switch (filter) {
        case 'open':
            return room.open;
        case 'queued':
            return isQueued(room);
        case 'closed':
            return !room.open;
        default:
            return true;
    }
}

function renderList() {
    const list = rooms.filter(shown).reverse();
    fill($('#rooms'), list.map((room) => h('li', { class: room.id === selected ? 'selected' : undefined, dataset: { room: room.id } },
        h('button', { type: 'button', onclick: () => selectRoom(room.id) },
            h('div', { class: 'who' }, h('span', {}, room.visitor.name ?? room.visitor.token), statusBadge(room)),
            h('div', { class: 'meta' },
                sourceLabel(room) ? h('span', { class: 'badge' }, sourceLabel(room)) : null,
                h('span', {}, room.department ?? 'no department'),
                h('span', {}, `· ${room.servedBy ?? 'no agent'}`),
                h('span', {}, `· ${shortTime(room.createdAt)}`)),
        ))));
    $('#rooms-empty').hidden = list.length > 0;
}

function renderFacts(room) {
    const facts = [
        ['status', room.open ? (isQueued(room) ? 'queued (no agent yet)' : 'open') : 'closed'],
        ['source', sourceLabel(room) || '—'],
        ['department', room.department ?? '—'],
        ['agent', room.servedBy ?? '—'],
        ['visitor token', room.visitor.token],
        ['opened', shortTime(room.createdAt)],
        room.closedAt ? ['closed', shortTime(room.closedAt)] : null,
        ['room id', room.id],
        ...Object.entries(room.customFields ?? {}).map(([name, value]) => [name, String(value)]),
    ].filter(Boolean);
    fill($('#room-facts'), facts.map(([name, value]) => h('div', {}, h('dt', {}, name), h('dd', {}, value))));
}

async function renderRoom() {
    const room = rooms.find((candidate) => candidate.id === selected);
    $('#no-room').hidden = Boolean(room);
    $('#room-view').hidden = !room;
    if (!room) {
        return;
    }
    $('#room-title').textContent = room.visitor.name ?? room.visitor.token;
    renderFacts(room);
    renderTransferTargets();
    $('#composer').hidden = !room.open;
    $('#room-actions').hidden = !room.open;
    $('#room-closed-note').hidden = room.open;
    $('#room-closed-note').textContent = room.open ? '' : `Closed ${shortTime(room.closedAt)}${room.closer ? ` by the ${room.closer}` : ''}.`;
    const messages = await getJson(`/host/rooms/${encodeURIComponent(room.id)}/messages`);
    if (selected !== room.id) {
        return;
    }
    const box = $('#messages');
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    const before = box.dataset.room;
    fill(box, messages.map((message) => messageView(message, room.visitor.name)));
    box.dataset.room = room.id;
    if (atBottom || before !== room.id) {
        box.scrollTop = box.scrollHeight;
    }
}

export function selectRoom(id) {
    selected = id;
    history.replaceState(null, '', `#room=${encodeURIComponent(id)}`);
    renderList();
    void attempt(renderRoom);
}

/** Shows a room in the Rooms tab once it is listed (e.g. right after a form opened it). */
export async function showRoom(id) {
    await refreshRooms();
    document.querySelector('[data-tab="rooms"]').click();
    if (!rooms.find((room) => room.id === id)?.open) {
        setFilter('all');
    }
    selectRoom(id);
}

function setFilter(value) {
    filter = value;
    for (const button of $$('#room-filter button')) {
        button.setAttribute('aria-pressed', String(button.dataset.filter === value));
    }
    renderList();
}

export async function refreshRooms() {
    rooms = await getJson('/host/rooms');
    renderList();
    await renderRoom();
}

function renderTransferTargets() {
    const room = rooms.find((candidate) => candidate.id === selected);
    fill($('#transfer-target'),
        h('option', { value: '' }, 'Transfer to…'),
        h('optgroup', { label: 'Departments' }, departments().map((department) => h('option', { value: `department:${department.name}` }, department.name))),
        h('optgroup', { label: 'Agents' }, agents().filter((agent) => agent.username !== room?.servedBy).map((agent) => h('option', { value: `agent:${agent.username}` }, `${agent.username}${agent.online ? '' : ' (offline)'}`))));
}

/** A file from the file input as the host API takes it: name, MIME type, content in base64. */
function readFile(file) {
    return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve({ name: file.name, type: file.type || 'application/octet-stream', base64: String(reader.result).replace(/^data:[^,]*,/, '') });
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(file);
    });
}

async function sendReply() {
    const textBox = $('#composer-text');
    const fileInput = $('#composer-files');
    // Rocket.Chat's composer sends the text trimmed (an emoji picked last leaves a space).
    const text = textBox.value.trim();
    const files = await Promise.all([...fileInput.files].map(readFile));
    if (!text && files.length === 0) {
        return;
    }
    const body = files.length ? { username: acting(), files, ...(text ? { caption: text } : {}) } : { username: acting(), text };
    await must('POST', `/host/rooms/${encodeURIComponent(selected)}/agent-message`, body);
    textBox.value = '';
    fileInput.value = '';
    $('#composer-file-names').textContent = '';
    await refreshRooms();
}

export function setUpRooms() {
    for (const button of $$('#room-filter button')) {
        button.addEventListener('click', () => setFilter(button.dataset.filter));
    }
    fill($('#emoji-row'), PICKER.map((name) => h('button', { type: 'button', title: `:${name}:`, dataset: { emoji: name }, onclick: () => {
        const box = $('#composer-text');
        const at = box.selectionStart ?? box.value.length;
        const code = `:${name}: `;
        box.value = `${box.value.slice(0, at)}${code}${box.value.slice(box.selectionEnd ?? at)}`;
        box.focus();
        box.selectionStart = box.selectionEnd = at + code.length;
    } }, withEmoji(`:${name}:`))));
    $('#composer').addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(sendReply);
    });
    $('#composer-text').addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            $('#composer').requestSubmit();
        }
    });
    $('#composer-files').addEventListener('change', () => {
        $('#composer-file-names').textContent = [...$('#composer-files').files].map((file) => file.name).join(', ');
    });
    $('#close-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const { comment } = formValues(event.target);
        void attempt(async () => {
            await must('POST', `/host/rooms/${encodeURIComponent(selected)}/close`, { username: acting(), comment });
            event.target.reset();
            toast('Room closed');
            await refreshRooms();
        });
    });
    $('#transfer-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const [kind, name] = $('#transfer-target').value.split(/:(.*)/);
        if (!name) {
            toast('Pick a department or an agent to transfer to', true);
            return;
        }
        void attempt(async () => {
            await must('POST', `/host/rooms/${encodeURIComponent(selected)}/transfer`, { [kind]: name });
            toast(`Transferred to ${name}`);
            await refreshRooms();
        });
    });
    watchOmnichannel(renderTransferTargets);
    onChange(['rooms'], () => attempt(refreshRooms));
    const fromHash = /^#room=(.+)$/.exec(location.hash);
    if (fromHash) {
        selected = decodeURIComponent(fromHash[1]);
        setFilter('all');
    }
}
