import { fakePlatformPorts } from './fakePlatformPorts';
import { FakePlatforms } from './FakePlatforms';
import { requestLine } from './requestLine';

export interface StartedFakes {
    /** The fakes running in this process, or none when their ports were taken. */
    fakes?: FakePlatforms;
    /** What happened, for the terminal. */
    note: string;
}

/**
 * The fake platforms inside `npm start`, on their fixed ports (FAKE_PLATFORMS_PORT), printing one
 * line per request as `npm run fake-platforms` does. A port already taken (most likely by
 * `npm run fake-platforms` in another terminal) starts none of them: the app then talks to
 * whatever listens there.
 */
export async function startFakePlatforms(print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<StartedFakes> {
    const fakes = new FakePlatforms();
    const ports = fakePlatformPorts();
    try {
        await fakes.start(ports);
    } catch (error) {
        await fakes.stop();
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE') {
            throw error;
        }
        return { note: `not started here: port ${(error as NodeJS.ErrnoException & { port?: number }).port ?? ports.rapidpro} is taken (by \`npm run fake-platforms\`?), so the app talks to whatever listens there` };
    }
    fakes.onAnswered((platform, attempt) => print(requestLine(platform, attempt)));
    return { fakes, note: 'they run inside this process: each request they receive is printed below, and shown in the console' };
}
