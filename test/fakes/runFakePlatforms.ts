import { FAKE_PLATFORMS, fakePlatformPorts } from './fakePlatformPorts';
import { FakePlatforms } from './FakePlatforms';
import { requestLine } from './requestLine';

/** `npm run fake-platforms`: every platform faked on its fixed port, printing one line per request it receives. */
async function main(): Promise<void> {
    const fakes = new FakePlatforms();
    const ports = fakePlatformPorts();
    await fakes.start(ports);
    fakes.onAnswered((platform, attempt) => process.stdout.write(`${requestLine(platform, attempt)}\n`));
    const origins = fakes.origins();
    process.stdout.write([
        'Fake platforms listening (npm start points the app at them):',
        ...FAKE_PLATFORMS.map((name) => `  ${name.padEnd(8)} ${origins[name]}`),
        '',
        'Requests received (time, platform, request → status, body):',
        '',
    ].join('\n'));
    const stop = (): void => {
        void fakes.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
