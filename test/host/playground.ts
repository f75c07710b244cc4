import { DEMO } from '../fakes/demoCredentials';
import { fakePlatformOrigins } from '../fakes/fakePlatformPorts';
import { FakePlatforms } from '../fakes/FakePlatforms';
import { startFakePlatforms } from '../fakes/startFakePlatforms';
import { builtAppPackage } from './appPackage';
import { keepDenoOutOfTerminalGroup } from './denoOutOfTerminalGroup';
import { engineProfile } from './engineProfile';
import { FrontDoor } from './FrontDoor';
import { LocalRocketChat } from './LocalRocketChat';
import { addPlaygroundAccounts, PLAYGROUND_ACCOUNTS, PLAYGROUND_ALERT_ROOM, PLAYGROUND_DEPARTMENTS, setUpPlayground } from './playgroundSetup';

/** A word as a shell reads it back (the admin password may come from TICKETS_DEMO_ADMIN_PASSWORD). */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** A stop (Ctrl-C) that takes longer than this ends the process anyway, saying so. */
const STOP_DEADLINE_MS = 2500;

/**
 * `npm start`: a local Rocket.Chat on localhost with the app installed, every source switched on
 * and pointed at the fake platforms, which run in this process and print what they receive
 * (unless `FAKES=0`: then `npm run fake-platforms` runs them); the web console on `/`.
 * `PORT=0` takes any free port.
 */
async function main(): Promise<void> {
    const cleanUp = keepDenoOutOfTerminalGroup();
    const origins = fakePlatformOrigins();
    const wanted = Number(process.env.PORT ?? 3000);
    // INSTANCES=3 npm start: a cluster of Rocket.Chat instances on one store (requests go round robin).
    const instances = Math.max(1, Number(process.env.INSTANCES ?? 1) || 1);
    const host = new LocalRocketChat({ siteUrl: `http://localhost:${wanted}`, instances });
    let door: FrontDoor | undefined;
    let fakes: FakePlatforms | undefined;
    let stopping = false;
    const stop = async (signal: string): Promise<void> => {
        if (stopping) {
            process.stdout.write(`${signal} again: exiting at once.\n`);
            process.exit(1);
        }
        stopping = true;
        process.stdout.write(`\n${signal}: stopping…\n`);
        const deadline = setTimeout(() => {
            process.stdout.write(`The engine did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway.\n`);
            process.exit(1);
        }, STOP_DEADLINE_MS);
        await door?.close();
        await host.stop();
        await fakes?.stop();
        cleanUp();
        clearTimeout(deadline);
        process.stdout.write('Stopped.\n');
        process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));

    const started = process.env.FAKES === '0' ? { fakes: undefined, note: 'not started here (FAKES=0): run `npm run fake-platforms` in another terminal to see what the app sends them' } : await startFakePlatforms();
    fakes = started.fakes;
    await host.start();
    addPlaygroundAccounts(host);
    const appId = await host.install(builtAppPackage());
    await setUpPlayground(host, appId, origins);
    door = new FrontDoor(host, () => appId, fakes);
    const port = await door.listen(wanted, process.env.HOST ?? '127.0.0.1');
    const base = `http://localhost:${port}`;
    host.setServerSetting('Site_Url', base);
    const api = `${base}/api/apps/public/${appId}`;
    process.stdout.write([
        '',
        `Local Rocket.Chat with the Tickets app is up on ${base} (Apps-Engine ${engineProfile.version}, ${instances} instance${instances === 1 ? '' : 's'})`,
        `Console: open ${base}/ in a browser (rooms, agents, every source's outbox, what the fake platforms got, logs, settings)`,
        `App endpoints: ${api}/<path>`,
        `Demo App Secret: ${DEMO.appSecret}`,
        `Departments: "${PLAYGROUND_DEPARTMENTS.support}" (the online agent "agent") and "${PLAYGROUND_DEPARTMENTS.bot}" (for the UChat bot: make tickets.bot its agent first).`,
        `RapidPro, Gitple, Chatday, UChat and CLOSER are switched on and point at the fake platforms (${origins.rapidpro} …):`,
        `  ${started.note}.`,
        '',
        'Try:',
        `  curl -i -H 'Authorization: Token ${DEMO.appSecret}' ${api}/status`,
        `  curl ${base}/host                      # the playground's own API: rooms, agents, departments, settings, logs`,
        `  curl '${base}/host/logs?level=warn'`,
        `  curl ${base}/host/channels/${PLAYGROUND_ALERT_ROOM}/messages   # the app's alerts (alert_room "${PLAYGROUND_ALERT_ROOM}")`,
        `  curl -H 'Authorization: Bearer ${DEMO.metricsToken}' ${api}/metrics   # Prometheus metrics (metrics_token)`,
        'Every platform\'s signed example is in the README ("Try it in the playground" under each platform).',
        '',
        `Rocket.Chat admin: "${PLAYGROUND_ACCOUNTS.admin}", password "${DEMO.adminPassword}" (the agent "${PLAYGROUND_ACCOUNTS.agent}" logs in with "${DEMO.agentPassword}" and may not manage apps).`,
        'Deploy the app from this folder into this playground as onto your own server (it updates the installed app in place):',
        `  npm run deploy -- --url ${base} --username ${PLAYGROUND_ACCOUNTS.admin} --password ${shellWord(DEMO.adminPassword)}`,
        '',
        'Ctrl-C stops it.',
        '',
        ...(fakes ? ['Requests the fake platforms received (time, platform, request → status, body):', ''] : []),
    ].join('\n'));
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
