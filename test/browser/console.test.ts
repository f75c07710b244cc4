import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ElementHandle } from 'puppeteer-core';

import { DEMO } from '../fakes/demoCredentials';
import { CHATDAY_SEND_PATH } from '../fakes/FakeChatday';
import { RAPIDPRO_CALLBACK_PATH } from '../fakes/FakeRapidPro';
import { ConsoleBrowser } from '../support/ConsoleBrowser';
import { httpCall } from '../support/http';
import { RunningPlayground, startPlayground } from '../support/startPlayground';
import { waitFor } from '../support/waitFor';

/**
 * The playground's web console in a real browser (headless Chromium, the machine's or the one npm ci
 * brought, driven by puppeteer-core): a person's clicks and typing, checked against what the fake
 * platforms received and what the local Rocket.Chat holds.
 */
let playground: RunningPlayground;
let browser: ConsoleBrowser;
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-console-'));

const roomOf = (visitorName: string) => [...playground.host.store.rooms.values()].reverse().find((room) => room.visitor.name === visitorName);
const rapidproWebhooks = () => playground.fakes.rapidpro.delivered(RAPIDPRO_CALLBACK_PATH).map((request) => request.body);

/** Every outbox item of every source delivered or parked, and every event handled. */
async function outboxIdle(): Promise<void> {
    await playground.host.events.settle();
    await waitFor('an idle outbox', async () => {
        const status = await httpCall(`${playground.base}/api/apps/public/${playground.appId}/status`, { headers: { Authorization: `Token ${DEMO.appSecret}` } });
        return status.status === 200 && status.json.sources.every((source: { outbox: { queued: number } }) => source.outbox.queued === 0);
    }, 30000);
}

async function openRoomInConsole(roomId: string): Promise<void> {
    await browser.tab('rooms');
    await browser.click('#room-filter button[data-filter="all"]');
    await browser.click(`#rooms li[data-room="${roomId}"] button`);
    await browser.page.waitForSelector(`#messages[data-room="${roomId}"]`);
}

beforeAll(async () => {
    playground = await startPlayground();
    browser = await ConsoleBrowser.open(playground.base);
}, 120000);

afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    fs.rmSync(files, { recursive: true, force: true });
});

afterEach(() => {
    const errors = [...browser.pageErrors];
    browser.pageErrors.length = 0;
    expect(errors).toEqual([]);
});

describe('the console at /', () => {
    it('runs the RapidPro cycle by clicking: a ticket from the RapidPro form, the contact\'s message live, the agent\'s reply with emoji and a file, the close; the fake RapidPro gets each', async () => {
        await browser.tab('start');
        await browser.type('#start-rapidpro [name="ticketID"]', 't-console-1');
        await browser.type('#start-rapidpro form[data-action="rapidpro-open"] [name="token"]', '20001');
        await browser.type('#start-rapidpro [name="name"]', 'Ana Console');
        await browser.click('#start-rapidpro form[data-action="rapidpro-open"] button[type="submit"]');
        // The form shows the room it opened.
        await browser.page.waitForSelector('#tab-rooms:not([hidden])');
        const room = await waitFor('the ticket\'s room', () => roomOf('Ana Console'));
        await browser.page.waitForSelector(`#messages[data-room="${room.id}"]`);
        expect(await browser.texts('#room-facts div')).toEqual(expect.arrayContaining(['sourceRapidPro', 'departmentSupport', 'agentagent']));

        // RapidPro sends the contact's message: it shows up without a reload (the change feed).
        const contact = await httpCall(`${playground.base}/api/apps/public/${playground.appId}/visitor-message`, {
            method: 'POST', headers: { Authorization: `Token ${DEMO.appSecret}` }, body: { visitor: { token: '20001' }, text: 'Hello from RapidPro' },
        });
        expect(contact.status).toBe(201);
        await browser.waitForText('#messages .msg.visitor', 'Hello from RapidPro');
        expect(await browser.texts('#messages .msg.visitor .by span')).toEqual(['Ana Console']);

        // The agent types a reply, picks an emoji, presses Enter.
        await browser.type('#composer-text', 'Hi Ana ');
        await browser.click('#emoji-row button[data-emoji="wave"]');
        await browser.page.keyboard.press('Enter');
        await browser.waitForText('#messages .msg.agent', 'Hi Ana 👋');

        // Then sends a file with a caption.
        const label = path.join(files, 'label.pdf');
        fs.writeFileSync(label, '%PDF-1.4 label');
        const input = (await browser.page.$('#composer-files')) as ElementHandle<HTMLInputElement>;
        await input.uploadFile(label);
        await browser.type('#composer-text', 'your label');
        await browser.click('#composer button[type="submit"]');
        await browser.waitForText('#messages .msg.agent a.file', 'label.pdf');
        await browser.waitForText('#messages .msg.agent .caption', 'your label');

        // And closes the room with a comment.
        await browser.type('#close-form [name="comment"]', 'solved');
        await browser.click('#close-form button[type="submit"]');
        await browser.waitForText('#messages .system', 'Conversation closed by agent: solved');
        await browser.page.waitForSelector('#composer', { hidden: true });

        await outboxIdle();
        const webhooks = rapidproWebhooks().filter((body) => body.ticketID === 't-console-1');
        expect(webhooks.map((body) => body.type)).toEqual(['agent-message', 'agent-message', 'close-room']);
        expect(webhooks[0]).toEqual({ type: 'agent-message', ticketID: 't-console-1', visitor: { token: '20001' }, data: { text: 'Hi Ana 👋' } });
        expect(webhooks[1].data.text).toBe('your label');
        expect(webhooks[1].data.attachments).toEqual([{ type: 'application/pdf', url: expect.stringMatching(/\/file-upload\/[^/]+\/label\.pdf$/) }]);

        // The Sources tab shows what the fake RapidPro got.
        await browser.tab('sources');
        await browser.waitForText('ul[data-requests="rapidpro"] li', '"type":"close-room","ticketID":"t-console-1"');
        const status = await httpCall(`${playground.base}/api/apps/public/${playground.appId}/status`, { headers: { Authorization: `Token ${DEMO.appSecret}` } });
        const messagesOut = status.json.sources.find((source: { source: string }) => source.source === 'rapidpro').messagesOut;
        expect(messagesOut).toBeGreaterThanOrEqual(2);
        await browser.click('#sources-refresh');
        await browser.page.waitForFunction((count) => document.querySelector('article[data-source="rapidpro"] [data-number="messages out"] b')?.textContent === count, {}, String(messagesOut));
    }, 90000);

    it('runs a Chatday cycle: the end user\'s message from the Chatday form opens a room, the agent\'s reply reaches the fake Chatday', async () => {
        await browser.tab('start');
        await browser.type('#start-chatday [name="chat"]', 'chat-console');
        await browser.type('#start-chatday [name="text"]', 'Is my order shipped?');
        await browser.click('#start-chatday button[type="submit"]');
        await browser.waitForText('#start-chatday [data-answer]', 'HTTP 200 {"status":"SUCCESS"}');
        await playground.host.events.settle();
        const room = await waitFor('the Chatday room', () => [...playground.host.store.rooms.values()].find((candidate) => JSON.stringify(candidate.source ?? {}).includes('"label":"Chatday"') && candidate.isOpen));
        await openRoomInConsole(room.id);
        await browser.waitForText('#messages .msg.visitor', 'Is my order shipped?');
        await browser.type('#composer-text', 'Yes, it left today :truck:');
        await browser.page.keyboard.press('Enter');
        await browser.waitForText('#messages .msg.agent', 'Yes, it left today 🚚');
        await outboxIdle();
        expect(playground.fakes.chatday.delivered(CHATDAY_SEND_PATH).map((request) => request.body)).toContainEqual({ message: { type: 'text', data: 'Yes, it left today 🚚' }, chat_id: 'chat-console' });
        await browser.tab('sources');
        await browser.waitForText('ul[data-requests="chatday"] li', 'Yes, it left today 🚚');
    }, 90000);

    it('shows a delivery the receiver refused as parked, with the receiver\'s error; its Retry button sends it again', async () => {
        await browser.tab('sources');
        await browser.page.waitForSelector('select[data-answering="rapidpro"]');
        await browser.page.select('select[data-answering="rapidpro"]', '400');
        await waitFor('the fake RapidPro to refuse', () => playground.fakes.rapidpro.behaviour.kind === 'status');
        const opened = await httpCall(`${playground.base}/host/app-call`, { method: 'POST', body: { as: 'rapidpro', method: 'POST', path: 'room', body: { visitor: { token: '20002', name: 'Refused' }, ticketID: 't-console-2' } } });
        expect(opened.json.status).toBe(201);
        const roomId = opened.json.body.id;
        expect((await httpCall(`${playground.base}/host/rooms/${roomId}/agent-message`, { method: 'POST', body: { username: 'agent', text: 'this one is refused' } })).status).toBe(201);
        await outboxIdle();
        const row = await browser.waitForText('article[data-source="rapidpro"] table[data-parked] tr[data-item]', 'HTTP 400', 20000);
        expect(await row.evaluate((element) => element.textContent)).toContain('agent-message');
        expect(rapidproWebhooks().some((body) => body.ticketID === 't-console-2')).toBe(false);

        await browser.page.select('select[data-answering="rapidpro"]', '200');
        await waitFor('the fake RapidPro to answer normally', () => playground.fakes.rapidpro.behaviour.kind === 'ok');
        // Retry sends it again (POST outbox.retry with the item's id): the fake RapidPro takes it now.
        await (await row.$('button[data-retry]'))!.click();
        await browser.waitForText('#toast', '1 sent again');
        await waitFor('the retried delivery', () => rapidproWebhooks().some((body) => body.ticketID === 't-console-2' && body.data?.text === 'this one is refused'), 30000);
        await browser.page.waitForFunction(() => !document.querySelector('article[data-source="rapidpro"] table[data-parked]'));
    }, 90000);

    it('switches an agent offline and online: with nobody online RapidPro\'s ticket is refused (503), then accepted', async () => {
        await browser.tab('agents');
        const toggle = 'article #agents [data-agent="agent"] input[data-online="agent"]';
        await browser.click(toggle);
        await waitFor('agent offline', async () => !(await httpCall(`${playground.base}/host/agents`)).json.find((agent: { username: string }) => agent.username === 'agent').online);
        await browser.page.waitForFunction((selector) => !(document.querySelector(selector) as HTMLInputElement).checked, {}, toggle);

        await browser.tab('start');
        await browser.type('#start-rapidpro [name="ticketID"]', 't-console-3');
        await browser.type('#start-rapidpro form[data-action="rapidpro-open"] [name="token"]', '20003');
        await browser.type('#start-rapidpro [name="name"]', 'Ana Offline');
        await browser.click('#start-rapidpro form[data-action="rapidpro-open"] button[type="submit"]');
        await browser.waitForText('#start-rapidpro [data-answer]', 'HTTP 503');
        expect(await browser.texts('#toast')).toEqual([expect.stringContaining('the app answered 503')]);

        await browser.tab('agents');
        await browser.click(toggle);
        await browser.page.waitForFunction((selector) => (document.querySelector(selector) as HTMLInputElement).checked, {}, toggle);
        await browser.tab('start');
        await browser.click('#start-rapidpro form[data-action="rapidpro-open"] button[type="submit"]');
        await browser.page.waitForSelector('#tab-rooms:not([hidden])');
        expect((await waitFor('the ticket\'s room', () => roomOf('Ana Offline'))).isOpen).toBe(true);
    }, 60000);

    it('acts as a widget visitor: the chat starts in a department, the agent sees the visitor\'s words and the visitor the reply, the visitor ends it', async () => {
        await browser.tab('start');
        await browser.type('#visitor-start [name="name"]', 'Widget Minji');
        await browser.page.select('#visitor-start [name="department"]', 'Support');
        await browser.click('#visitor-start button[type="submit"]');
        await browser.page.waitForSelector('#visitor-chat:not([hidden])');
        await browser.type('#visitor-composer [name="text"]', 'Hi from the widget');
        await browser.click('#visitor-composer button[type="submit"]');
        await browser.waitForText('#visitor-messages .msg', 'Hi from the widget');
        const room = await waitFor('the widget room', () => roomOf('Widget Minji'));
        expect(room.servedBy?.username).toBe('agent');

        await openRoomInConsole(room.id);
        await browser.waitForText('#messages .msg.visitor', 'Hi from the widget');
        await browser.type('#composer-text', 'Hello Minji :slight_smile:');
        await browser.page.keyboard.press('Enter');
        await browser.tab('start');
        await browser.waitForText('#visitor-messages .msg.agent', 'Hello Minji 🙂');
        await browser.click('#visitor-end');
        await waitFor('the room closed by the visitor', () => playground.host.store.rooms.get(room.id)?.isOpen !== true);
        await browser.waitForText('#visitor-messages .system', 'Chat ended');
    }, 60000);

    it('edits the app\'s settings as in Administration > Apps, never showing a password', async () => {
        await browser.tab('settings');
        const html = await browser.page.$eval('#tab-settings', (element) => element.innerHTML);
        for (const secret of [DEMO.appSecret, DEMO.chatdayToken, DEMO.closerReplySecret, DEMO.gitpleEventSecret]) {
            expect(html).not.toContain(secret);
        }
        expect(await browser.page.$eval('#setting-app_secret', (input) => [(input as HTMLInputElement).type, (input as HTMLInputElement).value, (input as HTMLInputElement).placeholder])).toEqual(['password', '', 'set (type to replace)']);
        await browser.waitForText('#settings .setting .label', 'History window (hours)');
        await browser.type('#setting-rapidpro_history_hours', '12');
        await browser.click('#settings-form button[type="submit"]');
        await browser.waitForText('#settings-result', 'Saved 1 setting');
        expect(await playground.host.settingValue(playground.appId, 'rapidpro_history_hours')).toBe(12);

        // An empty number is not a number: Rocket.Chat's form would not save it, nor does the console.
        await browser.click('#setting-rapidpro_history_hours');
        await browser.page.keyboard.down('Control');
        await browser.page.keyboard.press('KeyA');
        await browser.page.keyboard.up('Control');
        await browser.page.keyboard.press('Backspace');
        await browser.click('#settings-form button[type="submit"]');
        await browser.waitForText('#settings .error-text', 'must be a number');
        expect(await playground.host.settingValue(playground.appId, 'rapidpro_history_hours')).toBe(12);
    }, 60000);

    it('shows the app\'s logs with a level filter', async () => {
        await browser.tab('logs');
        await browser.page.waitForSelector('#logs li[data-severity="debug"]');
        await browser.page.select('#log-level', 'warn');
        await browser.page.waitForFunction(() => !document.querySelector('#logs li[data-severity="debug"], #logs li[data-severity="info"]'));
        const severities = await browser.page.$$eval('#logs li', (lines) => lines.map((line) => line.getAttribute('data-severity')));
        expect(severities.length).toBeGreaterThan(0);
        expect(severities.filter((severity) => severity !== 'warning' && severity !== 'error')).toEqual([]);
        // The delivery the fake RapidPro refused, parked (an error).
        await browser.waitForText('#logs li[data-severity="error"]', 'parked agent-message');
        await browser.page.select('#log-level', 'debug');
    }, 30000);
});

describe('the console on a narrow window', () => {
    it('fits a 375 px wide phone screen: no sideways scrolling, the room list above the conversation', async () => {
        await browser.page.setViewport({ width: 375, height: 740 });
        try {
            for (const tab of ['rooms', 'start', 'sources', 'agents', 'logs', 'settings']) {
                await browser.page.evaluate((name) => (document.querySelector(`.tabs button[data-tab="${name}"]`) as HTMLButtonElement).click(), tab);
                await browser.page.waitForSelector(`#tab-${tab}:not([hidden])`);
                const widths = await browser.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
                expect({ tab, ...widths }).toEqual({ tab, page: widths.window, window: 375 });
            }
            await browser.tab('rooms');
            await browser.click('#room-filter button[data-filter="all"]');
            await browser.click('#rooms li button');
            const [list, conversation] = await Promise.all(['.room-list', '#conversation'].map((selector) => browser.page.$eval(selector, (element) => {
                const box = element.getBoundingClientRect();
                return { top: box.top, bottom: box.bottom, left: box.left, width: box.width };
            })));
            expect(list.bottom).toBeLessThanOrEqual(conversation.top);
            expect(conversation.width).toBeGreaterThan(330);
        } finally {
            await browser.page.setViewport({ width: 1280, height: 900 });
        }
    }, 60000);
});
