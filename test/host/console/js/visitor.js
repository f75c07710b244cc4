// A livechat widget visitor, through Rocket.Chat's widget API (/api/v1/livechat/…): register,
// get a room, write, upload a file, end the chat. The token is kept in this browser.
import { $, attempt, fill, formValues, h, shortTime, toast } from './dom.js';
import { withEmoji } from './emoji.js';
import { call, errorText } from './http.js';
import { onChange } from './live.js';

const KEY = 'tickets-console-visitor';
let visitor = JSON.parse(localStorage.getItem(KEY) ?? 'null');

function remember(value) {
    visitor = value;
    if (value) {
        localStorage.setItem(KEY, JSON.stringify(value));
    } else {
        localStorage.removeItem(KEY);
    }
}

async function widget(method, path, body, headers) {
    const answer = await call(method, `/api/v1/livechat/${path}`, body, headers);
    if (answer.status >= 400 || answer.json?.success === false) {
        throw new Error(errorText(answer));
    }
    return answer.json;
}

function render() {
    $('#visitor-start').hidden = Boolean(visitor?.rid);
    $('#visitor-chat').hidden = !visitor?.rid;
    if (visitor?.rid) {
        $('#visitor-who').textContent = `${visitor.name} (token ${visitor.token}) in room ${visitor.rid}, department ${visitor.department}`;
    }
}

async function refreshHistory() {
    if (!visitor?.rid) {
        return;
    }
    const answer = await call('GET', `/api/v1/livechat/messages.history/${encodeURIComponent(visitor.rid)}?token=${encodeURIComponent(visitor.token)}`);
    if (answer.status >= 400) {
        return;
    }
    const messages = [...(answer.json.messages ?? [])].reverse();
    const box = $('#visitor-messages');
    fill(box, messages.map((message) => message.t
        ? h('div', { class: 'system' }, message.t === 'livechat-close' ? 'Chat ended' : message.t)
        : h('div', { class: `msg ${message.token ? '' : 'agent'}` },
            h('div', { class: 'by' }, h('span', {}, message.u?.name ?? message.u?.username ?? ''), h('time', {}, shortTime(message.ts))),
            message.msg ? h('div', { class: 'text' }, withEmoji(message.msg)) : null,
            (message.attachments ?? []).map((attachment) => h('div', { class: 'caption' }, `📎 ${attachment.title?.value ?? attachment.title ?? 'file'}${attachment.description ? `: ${attachment.description}` : ''}`)))));
    box.scrollTop = box.scrollHeight;
}

async function start(values) {
    const token = `console-visitor-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    await widget('POST', 'visitor', { visitor: { token, name: values.name || 'Visitor', department: values.department } });
    const { room } = await widget('GET', `room?token=${encodeURIComponent(token)}`);
    remember({ token, name: values.name || 'Visitor', department: values.department, rid: room._id });
    render();
    await refreshHistory();
}

async function send(form) {
    const { text } = formValues(form);
    const file = form.elements.file.files[0];
    if (file) {
        const data = new FormData();
        data.append('file', file);
        if (text) {
            data.append('description', text);
        }
        await widget('POST', `upload/${encodeURIComponent(visitor.rid)}`, data, { 'x-visitor-token': visitor.token });
    } else if (text) {
        await widget('POST', 'message', { token: visitor.token, rid: visitor.rid, msg: text });
    }
    form.reset();
    await refreshHistory();
}

export function setUpVisitor() {
    const box = $('#start-visitor [data-answer]');
    $('#visitor-start').addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(() => start(formValues(event.target)), box);
    });
    $('#visitor-composer').addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(() => send(event.target), box);
    });
    $('#visitor-end').addEventListener('click', () => void attempt(async () => {
        await widget('POST', 'room.close', { rid: visitor.rid, token: visitor.token });
        toast('The visitor ended the chat');
        await refreshHistory();
    }, box));
    $('#visitor-new').addEventListener('click', () => {
        remember(undefined);
        fill($('#visitor-messages'));
        render();
    });
    render();
    onChange(['rooms'], () => attempt(refreshHistory));
}
