import { APP_SECRET, BridgeWorld } from '../support/BridgeWorld';

/**
 * Truthful status: a source is "configured" only when every setting each direction needs is
 * set and every department it names exists; otherwise status says in words what is missing or
 * wrong, and never shows a secret.
 */
const world = new BridgeWorld();

const SECRETS = {
    closer_webhook_token: 'closer-webhook-token-status',
    closer_reply_secret: 'closer-reply-secret-status',
    uchat_verification_key: 'uchat-verification-key-status',
    uchat_flow_api_key: 'uchat-flow-key-status',
    gitple_event_secret: 'gitple-event-secret-status',
};

async function statusJson() {
    const answer = await world.request('GET', 'status', { headers: { Authorization: `Token ${APP_SECRET}` } });
    expect(answer.status).toBe(200);
    return answer;
}

async function source(name: string) {
    return (await statusJson()).json.sources.find((entry: { source: string }) => entry.source === name);
}

beforeAll(() => world.start());
afterAll(() => world.stop());

describe('RapidPro', () => {
    it('is not configured until RapidPro has connected (PUT /settings): replies could not be sent', async () => {
        const before = await source('rapidpro');
        expect(before).toEqual(expect.objectContaining({ enabled: true, configured: false, missingSettings: [] }));
        expect(before.problems).toEqual(['RapidPro has not connected yet (it calls PUT /settings when it is set up): agents\' replies cannot be sent']);

        const connect = await world.request('PUT', 'settings', { headers: { Authorization: `Token ${APP_SECRET}` }, body: { webhook: { url: `${world.platform.origin}/callback` } } });
        expect(connect.status).toBe(204);
        expect(await source('rapidpro')).toEqual(expect.objectContaining({ configured: true, problems: [], missingSettings: [] }));
    });

    it('names a default department that does not exist, for RapidPro and for every bridge that falls back to it', async () => {
        await world.settings({ default_department: 'Nowhere' });
        try {
            const sources = (await statusJson()).json.sources;
            const problem = 'default_department names "Nowhere", which is not a department';
            for (const name of ['rapidpro', 'gitple', 'chatday', 'closer']) {
                const entry = sources.find((candidate: { source: string }) => candidate.source === name);
                expect({ name, configured: entry.configured, problems: entry.problems }).toEqual({ name, configured: false, problems: expect.arrayContaining([problem]) });
            }
            // UChat serves its own department and never falls back.
            expect(sources.find((candidate: { source: string }) => candidate.source === 'uchat').problems).not.toContain(problem);
            // A department given by name or by id both count.
            await world.settings({ default_department: 'Support' });
            expect((await source('rapidpro')).problems).toEqual([]);
            const support = [...world.host.store.departments.values()].find((department) => department.name === 'Support')!;
            await world.settings({ default_department: support.id });
            expect((await source('rapidpro')).configured).toBe(true);
        } finally {
            await world.settings({ default_department: '' });
        }
    });
});

describe('bridges', () => {
    it('CLOSER: says which settings each direction lacks, then which department does not exist, then nothing', async () => {
        await world.settings({ closer_enabled: true, closer_webhook_token: SECRETS.closer_webhook_token });
        const half = await source('closer');
        expect(half).toEqual(expect.objectContaining({ enabled: true, configured: false, missingSettings: ['closer_reply_url', 'closer_reply_secret'] }));
        expect(half.problems).toEqual([
            'closer_reply_url is empty: CLOSER\'s calls are refused and replies cannot be sent',
            'closer_reply_secret is empty: CLOSER\'s calls are refused and replies cannot be sent',
        ]);

        await world.settings({ closer_reply_url: `${world.platform.origin}/relay`, closer_reply_secret: SECRETS.closer_reply_secret, closer_department: 'Sales' });
        const wrongDepartment = await source('closer');
        expect(wrongDepartment).toEqual(expect.objectContaining({ configured: false, missingSettings: [] }));
        expect(wrongDepartment.problems).toEqual(['closer_department names "Sales", which is not a department']);

        world.host.livechat.createDepartment('Sales');
        expect(await source('closer')).toEqual(expect.objectContaining({ configured: true, problems: [], missingSettings: [] }));
    });

    it('UChat: its bot\'s department and the handover department are needed and must exist', async () => {
        await world.settings({ uchat_enabled: true, uchat_verification_key: SECRETS.uchat_verification_key, uchat_bot_url: `${world.platform.origin}/bot`, uchat_flow_api_key: SECRETS.uchat_flow_api_key });
        expect((await source('uchat')).problems).toEqual([
            'uchat_department is empty: UChat\'s calls are refused: no department is served by the bot',
            'uchat_handover_department is empty: a visitor asking for a human stays with the bot',
        ]);
        await world.settings({ uchat_department: 'Bots', uchat_handover_department: 'Support' });
        expect((await source('uchat')).problems).toEqual(['uchat_department names "Bots", which is not a department']);
        world.host.livechat.createDepartment('Bots');
        expect(await source('uchat')).toEqual(expect.objectContaining({ configured: true, problems: [] }));
    });

    it('Gitple: without the Open API secret end users\' messages cannot be read nor replies sent', async () => {
        await world.settings({ gitple_enabled: true, gitple_event_secret: SECRETS.gitple_event_secret });
        const gitple = await source('gitple');
        expect(gitple).toEqual(expect.objectContaining({ configured: false, missingSettings: ['gitple_api_secret'] }));
        expect(gitple.problems).toEqual(['gitple_api_secret is empty: end users\' messages cannot be read and replies cannot be sent']);
    });

    it('a switched-off bridge is reported the same way, with enabled false', async () => {
        const chatday = await source('chatday');
        expect(chatday).toEqual(expect.objectContaining({ enabled: false, configured: false, missingSettings: ['chatday_token', 'chatday_signature_token'] }));
        expect(chatday.problems).toEqual([
            'chatday_token is empty: Chatday\'s calls are refused and replies cannot be sent',
            'chatday_signature_token is empty: Chatday\'s calls are refused',
        ]);
    });

    it('never shows a configured secret', async () => {
        const answer = await statusJson();
        for (const secret of [APP_SECRET, ...Object.values(SECRETS)]) {
            expect(answer.text).not.toContain(secret);
        }
    });
});
