import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { FAKE_PLATFORMS, FakePlatformName } from '../fakes/fakePlatformPorts';

const README = path.resolve(__dirname, '..', '..', 'README.md');

/**
 * The README's example for a platform: the ```bash block right after `<!-- playground-example: <name> -->`.
 * Throws when the README has none, so a renamed or lost example fails the test.
 */
export function readmeExample(name: string): string {
    const text = fs.readFileSync(README, 'utf8');
    const marker = `<!-- playground-example: ${name} -->\n\`\`\`bash\n`;
    const start = text.indexOf(marker);
    if (start < 0) {
        throw new Error(`README.md has no playground example "${name}"`);
    }
    const end = text.indexOf('\n```', start + marker.length);
    return text.slice(start + marker.length, end + 1);
}

/**
 * The example as written, with the playground's fixed addresses (`localhost:3000`, the fake
 * platforms' 3001–3005) replaced by where this test's playground and fakes listen.
 */
export function atAddresses(script: string, playground: string, fakes: Record<FakePlatformName, string>): string {
    return script.replace(/http:\/\/(?:localhost|127\.0\.0\.1):(300[0-5])/g, (whole, port: string) => {
        const index = Number(port) - 3000;
        return index === 0 ? playground : fakes[FAKE_PLATFORMS[index - 1]];
    });
}

/** Runs a script with bash (stopping at the first failing command), as a reader pastes it into a terminal. */
export function runBash(script: string, timeoutMs = 60000): Promise<{ stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        execFile('bash', ['-e', '-o', 'pipefail', '-c', script], { timeout: timeoutMs, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error) {
                reject(new Error(`the example failed (${error.message}):\n${stdout}\n${stderr}`));
                return;
            }
            resolve({ stdout, stderr });
        });
    });
}
