import * as path from 'path';

import { DEMO } from '../fakes/demoCredentials';
import { ConsoleBrowser } from '../support/ConsoleBrowser';
import { httpCall } from '../support/http';
import { startPlayground } from '../support/startPlayground';
import { waitFor } from '../support/waitFor';

const DOCS = path.resolve(__dirname, '..', '..', 'docs');

/**
 * `npm run screenshot`: the README's pictures of the console (docs/console.png, and
 * docs/console-narrow.png on a phone-sized window), taken with the browser tests' driver after a
 * short RapidPro conversation. Emoji and Korean show only with fonts for them installed
 * (Debian: fonts-noto-color-emoji, fonts-noto-cjk).
 */
async function main(): Promise<void> {
    const playground = await startPlayground();
    const browser = await ConsoleBrowser.open(playground.base, { width: 1280, height: 820 });
    try {
        const app = `${playground.base}/api/apps/public/${playground.appId}`;
        const auth = { Authorization: `Token ${DEMO.appSecret}` };
        const opened = await httpCall(`${app}/room`, { method: 'POST', headers: auth, body: { visitor: { token: '10000', name: 'Ana' }, ticketID: 't-1' } });
        const room = opened.json.id as string;
        await httpCall(`${app}/visitor-message`, { method: 'POST', headers: auth, body: { visitor: { token: '10000' }, text: 'Hello! My order A-1234 has not arrived yet.' } });
        await httpCall(`${playground.base}/host/app-call`, { method: 'POST', body: { as: 'chatday', path: 'chatday', body: { chat_id: 'chat-42', message: { id: 'cd-1', type: 'text', data: 'Is my order shipped?' } } } });
        await playground.host.events.settle();
        await browser.tab('rooms');
        await browser.click(`#rooms li[data-room="${room}"] button`);
        await browser.type('#composer-text', 'Hi Ana :wave: it left the warehouse today :truck:');
        await browser.page.keyboard.press('Enter');
        await browser.waitForText('#messages .msg.agent', 'Hi Ana');
        await httpCall(`${app}/visitor-message`, { method: 'POST', headers: auth, body: { visitor: { token: '10000' }, text: 'Great, thank you!' } });
        await browser.waitForText('#messages .msg.visitor', 'thank you');
        await waitFor('the reply at the fake RapidPro', () => playground.fakes.rapidpro.delivered().length > 0, 20000);
        await browser.type('#composer-text', 'You are welcome :slight_smile:');
        await browser.screenshot(path.join(DOCS, 'console.png'));
        await browser.tab('sources');
        await browser.waitForText('ul[data-requests="rapidpro"] li', 'agent-message');
        await browser.page.setViewport({ width: 390, height: 760 });
        await browser.screenshot(path.join(DOCS, 'console-narrow.png'));
        process.stdout.write(`wrote ${path.join(DOCS, 'console.png')} and console-narrow.png\n`);
    } finally {
        await browser.close();
        await playground.stop();
    }
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
