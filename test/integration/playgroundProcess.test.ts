import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { FAKE_PLATFORMS, fakePlatformOrigins } from '../fakes/fakePlatformPorts';
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
 * `npm start` and `npm run fake-platforms` as a person runs them, in two terminals: no
 * repackaging when nothing changed, a README example through both processes, and Ctrl-C
 * (SIGINT to each terminal's process group) ending each within 3 s.
 */
describe('npm start and npm run fake-platforms', () => {
    let playground: SpawnedCommand | undefined;
    let platforms: SpawnedCommand | undefined;

    afterAll(() => {
        playground?.kill();
        platforms?.kill();
    });

    it('start without repackaging an unchanged app, carry a README example end to end, and stop on Ctrl-C within 3 s', async () => {
        const env = { PORT: '0', FAKE_PLATFORMS_PORT: String(await freeBasePort()) };
        const before = zipTimes();
        platforms = new SpawnedCommand(['run', 'fake-platforms'], env);
        playground = new SpawnedCommand(['start'], env);
        await platforms.waitForOutput(/Requests received/, 60000);
        const [, base] = await playground.waitForOutput(/is up on (http:\/\/localhost:\d+)/, 150000);
        await playground.waitForOutput(/Ctrl-C stops it/, 10000);

        // The zip the test run built (globalSetup) is still current: npm start used it as it was.
        expect(playground.output).toContain('(up to date: no input changed since it was built)');
        expect(playground.output).not.toContain('packaging your app');
        expect(zipTimes()).toEqual(before);

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
