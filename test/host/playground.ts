import { engineProfile } from './engineProfile';
import { FrontDoor } from './FrontDoor';
import { builtAppPackage } from './appPackage';
import { LocalRocketChat } from './LocalRocketChat';

const DEMO_SECRET = process.env.TICKETS_DEMO_SECRET ?? 'demo-app-secret-0123456789abcdef';

/** `npm start`: a local Rocket.Chat on localhost with the app installed and a department with an online agent. */
async function main(): Promise<void> {
    const port = Number(process.env.PORT ?? 3000);
    const base = `http://localhost:${port}`;
    // INSTANCES=3 npm start: a cluster of Rocket.Chat instances on one store (requests go round robin).
    const instances = Math.max(1, Number(process.env.INSTANCES ?? 1) || 1);
    const host = new LocalRocketChat({ siteUrl: base, instances });
    await host.start();
    const appId = await host.install(builtAppPackage());
    const support = host.livechat.createDepartment('Support');
    host.livechat.addAgent('agent', [support.id], true);
    await host.setSetting(appId, 'app_secret', DEMO_SECRET);
    await host.setSetting(appId, 'default_department', 'Support');
    const door = new FrontDoor(host, () => appId);
    await door.listen(port, process.env.HOST ?? '127.0.0.1');
    const api = `${base}/api/apps/public/${appId}`;
    const auth = `-H 'Authorization: Token ${DEMO_SECRET}'`;
    process.stdout.write([
        '',
        `Local Rocket.Chat with the Tickets app is up on ${base} (Apps-Engine ${engineProfile.version}, ${instances} instance${instances === 1 ? '' : 's'})`,
        `App endpoints: ${api}/<path>`,
        `Demo App Secret: ${DEMO_SECRET}`,
        'Department "Support" has the online agent "agent".',
        '',
        'Try:',
        `  curl -i ${auth} ${api}/secret.check`,
        `  curl -i ${auth} ${api}/status`,
        `  curl -i -X PUT ${auth} -H 'Content-Type: application/json' -d '{"webhook":{"url":"http://127.0.0.1:3001/mr/tickets/types/rocketchat/event_callback/6f1c8a8e-2b43-4d7e-9a1b-000000000001"}}' ${api}/settings`,
        `  curl -i -X POST ${auth} -H 'Content-Type: application/json' -d '{"ticketID":"t-1","visitor":{"token":"10000","name":"Ana"}}' ${api}/room`,
        `  curl -i -X POST ${auth} -H 'Content-Type: application/json' -d '{"visitor":{"token":"10000"},"text":"Hello"}' ${api}/visitor-message`,
        'Look and act as the agent:',
        `  curl ${base}/host/rooms`,
        `  curl ${base}/host/rooms/<room id>/messages`,
        `  curl -X POST -H 'Content-Type: application/json' -d '{"username":"agent","text":"Hi, how can I help?"}' ${base}/host/rooms/<room id>/agent-message`,
        `  curl -X POST -H 'Content-Type: application/json' -d '{"username":"agent"}' ${base}/host/rooms/<room id>/close`,
        `  curl ${base}/host/logs`,
        'Let new rooms wait in the queue when no agent is online (Rocket.Chat refuses them by default):',
        `  curl -X PUT -H 'Content-Type: application/json' -d '{"value":true}' ${base}/host/server-settings/Livechat_accept_chats_with_no_agents`,
        '',
        'Ctrl-C stops it.',
        '',
    ].join('\n'));
    let stopping = false;
    const stop = async (): Promise<void> => {
        if (stopping) {
            return;
        }
        stopping = true;
        process.stdout.write('\nStopping…\n');
        await door.close();
        await host.stop();
        process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});
