/**
 * The playground's made-up credentials: `npm start` sets them in the app's settings, and the fake
 * platforms of `npm run fake-platforms` check them as the real platforms check theirs. The README's
 * per-platform examples sign with them; the passwords are the local Rocket.Chat's accounts' (`npm run
 * deploy` logs in as its admin). Nothing here is a real secret.
 */
export const DEMO = {
    appSecret: process.env.TICKETS_DEMO_SECRET ?? 'demo-app-secret-0123456789abcdef',
    gitpleEventSecret: 'demo-gitple-event-secret',
    gitpleAppCode: 'demo-app',
    gitpleApiSecret: 'demo-gitple-api-secret',
    chatdayToken: 'demo-chatday-token',
    chatdaySignatureToken: 'demo-chatday-signature-token',
    uchatVerificationKey: 'demo-uchat-verification-key',
    uchatFlowApiKey: 'demo-uchat-flow-api-key',
    closerWebhookToken: 'demo-closer-webhook-token',
    closerReplySecret: 'demo-closer-reply-secret',
    metricsToken: 'demo-metrics-token',
    adminPassword: process.env.TICKETS_DEMO_ADMIN_PASSWORD ?? 'demo-admin-password',
    agentPassword: 'demo-agent-password',
} as const;
