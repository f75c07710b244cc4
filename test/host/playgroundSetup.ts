import { DEMO } from '../fakes/demoCredentials';
import { CHATDAY_REGISTER_PATH, CHATDAY_SEND_PATH } from '../fakes/FakeChatday';
import { CLOSER_RELAY_PATH } from '../fakes/FakeCloserRelay';
import { FakePlatformName } from '../fakes/fakePlatformPorts';
import { RAPIDPRO_CALLBACK_PATH } from '../fakes/FakeRapidPro';
import { UCHAT_BOT_PATH } from '../fakes/FakeUchat';
import { ChatRooms } from './ChatRooms';
import { LocalRocketChat } from './LocalRocketChat';

/** The departments the playground starts with: "Support" (the agent "agent", online) and "Bot" (empty: the UChat bot's, see the README). */
export const PLAYGROUND_DEPARTMENTS = { support: 'Support', bot: 'Bot' } as const;

/** The channel the app posts its alerts in (`alert_room`); `GET /host/channels/alerts/messages` reads it. */
export const PLAYGROUND_ALERT_ROOM = 'alerts';

/** The playground's Rocket.Chat accounts: its admin (who may manage apps: `npm run deploy` logs in as it) and its agent (who may not). */
export const PLAYGROUND_ACCOUNTS = { admin: 'admin', agent: 'agent' } as const;

/** Creates the playground's accounts with their demo passwords (DEMO.adminPassword, DEMO.agentPassword); before an app is installed, as on a new server. */
export function addPlaygroundAccounts(host: LocalRocketChat): void {
    const admin = host.store.userByUsername(PLAYGROUND_ACCOUNTS.admin) ?? host.livechat.createUser({ username: PLAYGROUND_ACCOUNTS.admin, name: 'Administrator', roles: ['user', 'admin'] });
    host.store.passwords.set(admin.id, DEMO.adminPassword);
    host.store.passwords.set(host.livechat.addAgent(PLAYGROUND_ACCOUNTS.agent, [], true).id, DEMO.agentPassword);
}

/**
 * What `npm start` sets up after installing the app: the departments, the agent, every source
 * switched on with the demo credentials and pointed at the fake platforms (`origins`), the
 * channel "alerts" as the app's alert room, and RapidPro's callback URL (stored by the app's
 * `PUT /settings`, as RapidPro does when it connects).
 */
export async function setUpPlayground(host: LocalRocketChat, appId: string, origins: Record<FakePlatformName, string>): Promise<void> {
    const support = host.livechat.createDepartment(PLAYGROUND_DEPARTMENTS.support);
    host.livechat.createDepartment(PLAYGROUND_DEPARTMENTS.bot);
    host.livechat.addAgent(PLAYGROUND_ACCOUNTS.agent, [support.id], true);
    const chatRooms = new ChatRooms(host.store);
    if (!chatRooms.byName(PLAYGROUND_ALERT_ROOM)) {
        chatRooms.create({ name: PLAYGROUND_ALERT_ROOM, type: 'c', creator: 'rocket.cat' });
    }
    const settings: Array<[string, unknown]> = [
        ['app_secret', DEMO.appSecret],
        ['default_department', PLAYGROUND_DEPARTMENTS.support],
        ['gitple_event_secret', DEMO.gitpleEventSecret],
        ['gitple_app_code', DEMO.gitpleAppCode],
        ['gitple_api_secret', DEMO.gitpleApiSecret],
        ['gitple_api_url', origins.gitple],
        ['gitple_enabled', true],
        ['chatday_register_url', `${origins.chatday}${CHATDAY_REGISTER_PATH}`],
        ['chatday_send_url', `${origins.chatday}${CHATDAY_SEND_PATH}`],
        // Saving the token registers with Chatday (the fake answers this same signature token);
        // it is set by hand after, so it holds whether the fake platforms run yet or not.
        ['chatday_token', DEMO.chatdayToken],
        ['chatday_signature_token', DEMO.chatdaySignatureToken],
        ['chatday_enabled', true],
        ['uchat_verification_key', DEMO.uchatVerificationKey],
        ['uchat_bot_url', `${origins.uchat}${UCHAT_BOT_PATH}`],
        ['uchat_flow_api_key', DEMO.uchatFlowApiKey],
        ['uchat_department', PLAYGROUND_DEPARTMENTS.bot],
        ['uchat_handover_department', PLAYGROUND_DEPARTMENTS.support],
        ['uchat_enabled', true],
        ['closer_webhook_token', DEMO.closerWebhookToken],
        ['closer_reply_url', `${origins.closer}${CLOSER_RELAY_PATH}`],
        ['closer_reply_secret', DEMO.closerReplySecret],
        ['closer_enabled', true],
        ['alert_room', PLAYGROUND_ALERT_ROOM],
        ['metrics_token', DEMO.metricsToken],
    ];
    for (const [id, value] of settings) {
        await host.setSetting(appId, id, value);
    }
    const connected = await host.callApi(appId, {
        method: 'PUT',
        path: 'settings',
        headers: { authorization: `Token ${DEMO.appSecret}`, 'content-type': 'application/json' },
        body: { webhook: { url: `${origins.rapidpro}${RAPIDPRO_CALLBACK_PATH}` } },
    });
    if (connected.status !== 204) {
        throw new Error(`storing RapidPro's callback URL failed: HTTP ${connected.status} ${JSON.stringify(connected.content)}`);
    }
}
