/**
 * The playground's made-up credentials: `npm start` sets them in the app's settings, and the fake
 * platforms of `npm run fake-platforms` check them as the real platforms check theirs. The README's
 * per-platform examples sign with them. Nothing here is a real secret.
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
} as const;
