// The Settings tab: the app's settings as Administration > Apps shows them (sections, labels,
// descriptions; passwords never shown), saved with "Save changes" (each changed one with
// PUT /host/settings/<id>, which runs the app's onSettingUpdated), and Rocket.Chat's own.
import { $, $$, attempt, fill, h, toast } from './dom.js';
import { call, errorText, getJson, must } from './http.js';
import { onChange } from './live.js';

let settings = [];
/** What the form shows, so that reading the same values again changes nothing on the page (an admin's cursor stays put). */
let shown = '';

function input(setting) {
    const common = { id: `setting-${setting.id}`, name: setting.id, dataset: { setting: setting.id }, oninput: (event) => event.target.closest('.setting').classList.add('changed') };
    switch (setting.type) {
        case 'boolean':
            return h('input', { ...common, type: 'checkbox', checked: setting.value === true, onchange: common.oninput });
        case 'int':
            return h('input', { ...common, type: 'number', value: setting.value ?? '' });
        case 'select':
            return h('select', { ...common, onchange: common.oninput }, (setting.values ?? []).map((choice) => h('option', { value: choice.key, selected: choice.key === setting.value }, choice.label ?? choice.key)));
        case 'password':
            return h('input', { ...common, type: 'password', autocomplete: 'off', placeholder: setting.set ? 'set (type to replace)' : 'not set' });
        default:
            return h('input', { ...common, type: 'text', value: setting.value ?? '' });
    }
}

/** The value an edited field holds, in the setting's type. */
function valueOf(setting, field) {
    switch (setting.type) {
        case 'boolean':
            return field.checked;
        case 'int':
            return field.value === '' ? null : Number(field.value);
        default:
            return field.value;
    }
}

function render() {
    const sections = new Map();
    for (const setting of settings) {
        const section = setting.section ?? 'General';
        if (!sections.has(section)) {
            sections.set(section, []);
        }
        sections.get(section).push(setting);
    }
    fill($('#settings'), [...sections.entries()].map(([section, list]) => h('div', { class: 'setting-section' },
        h('h3', {}, section),
        list.map((setting) => h('div', { class: 'setting' },
            h('label', { for: `setting-${setting.id}` },
                h('span', { class: 'label' }, setting.label ?? setting.id, h('code', {}, setting.id)),
                setting.description ? h('span', { class: 'description' }, setting.description) : null),
            input(setting))))));
}

async function refreshSettings() {
    if ($$('.setting.changed').length > 0) {
        return; // the admin is editing: keep their changes
    }
    settings = await getJson('/host/settings');
    const json = JSON.stringify(settings);
    if (json !== shown) {
        shown = json;
        render();
    }
}

async function save() {
    const changed = $$('.setting.changed');
    const failures = [];
    for (const row of changed) {
        const field = row.querySelector('[data-setting]');
        const setting = settings.find((candidate) => candidate.id === field.dataset.setting);
        const answer = await call('PUT', `/host/settings/${encodeURIComponent(setting.id)}`, { value: valueOf(setting, field) });
        row.querySelector('.error-text')?.remove();
        if (answer.status >= 400) {
            failures.push(setting.id);
            row.append(h('p', { class: 'error-text' }, errorText(answer)));
        } else {
            row.classList.remove('changed');
        }
    }
    const result = failures.length ? `Not saved: ${failures.join(', ')}` : changed.length ? `Saved ${changed.length} setting${changed.length === 1 ? '' : 's'}` : 'Nothing changed';
    if (failures.length === 0) {
        await refreshSettings();
        toast(result);
    }
    $('#settings-result').textContent = result;
}

async function refreshServerSettings() {
    const values = await getJson('/host/server-settings');
    fill($('#server-settings'), Object.entries(values).map(([id, value]) => {
        const field = typeof value === 'boolean'
            ? h('input', { type: 'checkbox', checked: value, dataset: { serverSetting: id } })
            : h('input', { type: typeof value === 'number' ? 'number' : 'text', value: String(value), dataset: { serverSetting: id } });
        const saveIt = () => attempt(async () => {
            const next = typeof value === 'boolean' ? field.checked : typeof value === 'number' ? Number(field.value) : field.value;
            await must('PUT', `/host/server-settings/${encodeURIComponent(id)}`, { value: next });
            toast(`${id} saved`);
        });
        field.addEventListener('change', saveIt);
        return h('div', { class: 'setting' }, h('label', {}, h('span', { class: 'label' }, id)), field);
    }));
}

export function setUpSettings() {
    $('#settings-form').addEventListener('submit', (event) => {
        event.preventDefault();
        void attempt(save);
    });
    onChange(['settings'], () => attempt(async () => {
        await refreshSettings();
        await refreshServerSettings();
    }))();
}
