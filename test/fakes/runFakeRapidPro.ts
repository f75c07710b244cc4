import { FakeRapidPro } from './FakeRapidPro';
import { requestLine } from './requestLine';

/** `npm run fake-rapidpro`: a RapidPro callback on localhost that prints every webhook it receives (`npm run fake-platforms` runs it with the other platforms). */
async function main(): Promise<void> {
    const fake = new FakeRapidPro();
    await fake.start(Number(process.env.FAKE_RAPIDPRO_PORT ?? 3001));
    fake.onAnswered = (attempt) => process.stdout.write(`${requestLine('rapidpro', attempt)}\n`);
    process.stdout.write(`Fake RapidPro listening. Callback URL to give the app (PUT /settings):\n  ${fake.callbackUrl}\n\nWebhooks received:\n`);
    process.on('SIGINT', () => void fake.stop().then(() => process.exit(0)));
}

void main();
