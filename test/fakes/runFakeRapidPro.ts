import { FakeRapidPro } from './FakeRapidPro';

/** `npm run fake-rapidpro`: a RapidPro callback on localhost that prints every webhook it receives. */
async function main(): Promise<void> {
    const fake = new FakeRapidPro();
    await fake.start(Number(process.env.FAKE_RAPIDPRO_PORT ?? 3001));
    process.stdout.write(`Fake RapidPro listening. Callback URL to give the app (PUT /settings):\n  ${fake.callbackUrl}\n\nWebhooks received:\n`);
    let shown = 0;
    setInterval(() => {
        for (; shown < fake.received.length; shown++) {
            const call = fake.received[shown];
            process.stdout.write(`  ${new Date(call.at).toISOString()} Authorization: ${call.headers.authorization ? 'Token …' : '(none)'}  ${call.raw}\n`);
        }
    }, 200);
    process.on('SIGINT', () => void fake.stop().then(() => process.exit(0)));
}

void main();
