import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

import { FAKE_PLATFORMS, fakePlatformOrigins, fakePlatformPorts } from '../fakes/fakePlatformPorts';
import { httpCall } from '../support/http';
import { atAddresses, readmeExample, runBash } from '../support/readmeExamples';
import { SpawnedCommand } from '../support/spawnedCommand';

const DIST = path.resolve(__dirname, '..', '..', 'dist');

function portFree(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const server = net.createServer();
        server.once('error', () => resolve(false));
        server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
}

/** A base port with the fake platforms' five ports free after it. */
async function freeBasePort(): Promise<number> {
    for (;;) {
        const base = 20000 + Math.floor(Math.random() * 30000);
        const free = await Promise.all(FAKE_PLATFORMS.map((_name, index) => portFree(base + index)));
        if (free.every(Boolean)) {
            return base;
        }
    }
}

const zipTimes = (): Record<string, number> => Object.fromEntries(fs.readdirSync(DIST).filter((name) => name.endsWith('.zip')).map((name) => [name, fs.statSync(path.join(DIST, name)).mtimeMs]));

/**
 * `npm start` as a person runs it in a terminal: alone (the fake platforms inside it print what
 * they receive, the console answers at /), and with `FAKES=0` beside `npm run fake-platforms` in
 * a second terminal. No repackaging when nothing changed, a README example through the processes,
 * and Ctrl-C (SIGINT to each terminal's process group) ending each within 3 s.
 */
describe('npm start', () => {
    const spawned: Array<SpawnedCommand> = [];

    afterAll(() => {
        for (const command of spawned) {
            command.kill();
        }
    });

    it('alone: starts the fake platforms inside, serves the console, prints what the fakes received, stops on Ctrl-C within 3 s', async () => {
        const env = { PORT: '0', FAKE_PLATFORMS_PORT: String(await freeBasePort()) };
        const before = zipTimes();
        const playground = new SpawnedCommand(['start'], env);
        spawned.push(playground);
        const [, base] = await playground.waitForOutput(/is up on (http:\/\/localhost:\d+)/, 150000);
        await playground.waitForOutput(/Ctrl-C stops it/, 10000);
        expect(playground.output).toContain('(up to date: no input changed since it was built)');
        expect(zipTimes()).toEqual(before);
        expect(playground.output).toContain(`Console: open ${base}/ in a browser`);
        expect(playground.output).toContain('they run inside this process');
        // Saving chatday_token at start registered with the fake Chatday, in this same terminal.
        expect(playground.output).toMatch(/chatday {2}GET \/external\/register → 200/);
        expect((await httpCall(`${base}/`)).text).toContain('<title>Tickets playground</title>');

        await runBash(atAddresses(readmeExample('chatday'), base, fakePlatformOrigins(env)));
        await playground.waitForOutput(/chatday {2}POST \/external\/send-message → 200 \{"message":\{"type":"text","data":"Yes, it left today 🚚"\},"chat_id":"chat-42"\}/, 30000);

        const stop = await playground.interrupt('SIGINT');
        expect(playground.output).toContain('Stopped.');
        expect(stop).toBeLessThan(3000);
        for (const port of Object.values(fakePlatformPorts(env))) {
            expect(await portFree(port)).toBe(true);
        }
    }, 240000);

    it('with FAKES=0 beside `npm run fake-platforms`: carries a README example end to end, and both stop on Ctrl-C within 3 s', async () => {
        const env = { PORT: '0', FAKE_PLATFORMS_PORT: String(await freeBasePort()) };
        const platforms = new SpawnedCommand(['run', 'fake-platforms'], env);
        spawned.push(platforms);
        await platforms.waitForOutput(/Requests received/, 60000);
        const playground = new SpawnedCommand(['start'], { ...env, FAKES: '0' });
        spawned.push(playground);
        const [, base] = await playground.waitForOutput(/is up on (http:\/\/localhost:\d+)/, 150000);
        await playground.waitForOutput(/Ctrl-C stops it/, 10000);
        expect(playground.output).toContain('not started here (FAKES=0)');

        await runBash(atAddresses(readmeExample('chatday'), base, fakePlatformOrigins(env)));
        await platforms.waitForOutput(/chatday {2}POST \/external\/send-message → 200 \{"message":\{"type":"text","data":"Yes, it left today 🚚"\},"chat_id":"chat-42"\}/, 30000);
        await platforms.waitForOutput(/chatday {2}POST \/external\/send-message → 200 \{"message":\{"type":"file"/, 30000);

        const playgroundStop = await playground.interrupt('SIGINT');
        expect(playground.output).toContain('SIGINT: stopping…');
        expect(playground.output).toContain('Stopped.');
        expect(playgroundStop).toBeLessThan(3000);
        const platformsStop = await platforms.interrupt('SIGINT');
        expect(platformsStop).toBeLessThan(3000);
    }, 240000);
});
