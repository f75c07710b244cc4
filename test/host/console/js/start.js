// The "New conversation" tab: a conversation started as RapidPro, Chatday or CLOSER would start
// it (calls to the app with that caller's credentials, added by the server), shown as a room.
import { $, $$, attempt, fill, formValues, h, toast } from './dom.js';
import { appCall } from './http.js';
import { showRoom } from './rooms.js';
import { departments, watchOmnichannel } from './state.js';

/** A short id for new tickets and end users, different on every page load. */
const uniqueSuffix = () => `${Date.now().toString(36).slice(-4)}${Math.floor(Math.random() * 1296).toString(36)}`;

/** The app's answer under the form, and whether it took the call. */
function showAnswer(form, what, answer) {
    const box = form.closest('article').querySelector('[data-answer]');
    box.textContent = `${what} → HTTP ${answer.status}${answer.body === null || answer.body === undefined || answer.body === '' ? '' : ` ${JSON.stringify(answer.body)}`}`;
    box.dataset.status = String(answer.status);
    if (answer.status >= 400) {
        toast(`${what}: the app answered ${answer.status}`, true);
    }
    return answer.status < 400;
}

/** Sets every field named `name` in the card to `value` (the forms of one card share the contact). */
function shareField(card, name, value) {
    for (const input of $$(`input[name="${name}"]`, card)) {
        input.value = value;
    }
}

const rapidpro = {
    async 'rapidpro-open'(form, values) {
        const visitor = { token: values.token, name: values.name || undefined, ...(values.department ? { department: values.department } : {}) };
        const answer = await appCall('rapidpro', 'POST', 'room', { visitor, ticketID: values.ticketID });
        if (showAnswer(form, `POST room (ticket ${values.ticketID})`, answer)) {
            shareField(form.closest('article'), 'token', values.token);
            form.elements.ticketID.value = `t-${uniqueSuffix()}`;
            await showRoom(answer.body.id);
        }
    },
    async 'rapidpro-message'(form, values) {
        const answer = await appCall('rapidpro', 'POST', 'visitor-message', { visitor: { token: values.token }, text: values.text });
        showAnswer(form, 'POST visitor-message', answer);
    },
    async 'rapidpro-close'(form, values) {
        const answer = await appCall('rapidpro', 'POST', 'room.close', { visitor: { token: values.token } });
        showAnswer(form, 'POST room.close', answer);
    },
};

const chatday = {
    async 'chatday-message'(form, values) {
        const body = { chat_id: values.chat, message: { id: `cd-${uniqueSuffix()}`, type: 'text', data: values.text } };
        const answer = await appCall('chatday', 'POST', 'chatday', body);
        showAnswer(form, 'POST chatday', answer);
    },
};

const BOT_ID = 'Bp2gkd';

const closer = {
    async 'closer-handover'(form, values) {
        shareField(form.closest('article'), 'endUser', values.endUser);
        const body = {
            type: 'agent_call_requested',
            botId: BOT_ID,
            timestamp: new Date().toISOString(),
            endUserId: values.endUser,
            conversation: { id: `conv-${values.endUser}`, params: values.name ? { name: values.name } : {}, platform: 'kakao', userKey: `uk-${values.endUser}` },
        };
        const answer = await appCall('closer', 'POST', 'closer', body);
        showAnswer(form, 'POST closer (agent_call_requested)', answer);
    },
    async 'closer-message'(form, values) {
        const now = new Date().toISOString();
        const body = {
            type: 'message_received',
            botId: BOT_ID,
            timestamp: now,
            endUserId: values.endUser,
            message: { id: `msg-${uniqueSuffix()}`, timestamp: now, data: { type: 'text', text: values.text }, isUser: true, conversationId: `conv-${values.endUser}` },
            conversation: { id: `conv-${values.endUser}`, platform: 'kakao', userKey: `uk-${values.endUser}` },
        };
        const answer = await appCall('closer', 'POST', 'closer', body);
        showAnswer(form, 'POST closer (message_received)', answer);
    },
};

const actions = { ...rapidpro, ...chatday, ...closer };

/** Every department select of the page: "optional" ones start with "default", "required" ones pick the first. */
function renderDepartmentChoices() {
    for (const select of $$('select[data-departments]')) {
        const current = select.value;
        const optional = select.dataset.departments === 'optional';
        fill(select, optional ? h('option', { value: '' }, '(default)') : null, departments().map((department) => h('option', { value: department.name }, department.name)));
        if (current && departments().some((department) => department.name === current)) {
            select.value = current;
        }
    }
}

export function setUpStart() {
    const suffix = uniqueSuffix();
    $('#start-rapidpro [name="ticketID"]').value = `t-${suffix}`;
    shareField($('#start-rapidpro'), 'token', String(10000 + Math.floor(Math.random() * 90000)));
    $('#start-chatday [name="chat"]').value = `chat-${suffix}`;
    shareField($('#start-closer'), 'endUser', `eu-${suffix}`);
    for (const form of $$('form[data-action]')) {
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const button = form.querySelector('button[type="submit"]');
            button.disabled = true;
            void attempt(() => actions[form.dataset.action](form, formValues(form)), form.closest('article').querySelector('[data-answer]'))
                .finally(() => {
                    button.disabled = false;
                });
        });
    }
    watchOmnichannel(renderDepartmentChoices);
}
