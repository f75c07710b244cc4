import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { denoBinDir } = require('../../scripts/deno-paths');

function onPath(command: string): string | undefined {
    return (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, command)).find((candidate) => fs.existsSync(candidate));
}

/**
 * Ctrl-C in a terminal signals its whole foreground process group, and the engine's Deno runtimes
 * (spawned as `deno` from PATH) are in it: they die at once, and the engine then waits for each
 * app's onDisable until its 30 s runtime timeout. On a Rocket.Chat server nothing kills the
 * runtimes under the engine. So the playground starts them through a `deno` that first calls
 * `setsid` (same process, its own session), and stopping the engine stops them, at once. A
 * runtime still exits when the playground dies (its stdin closes). Without `setsid` (not
 * Linux) nothing changes. Returns the clean-up.
 */
export function keepDenoOutOfTerminalGroup(): () => void {
    const setsid = onPath('setsid');
    if (!setsid) {
        return () => undefined;
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-deno-'));
    fs.writeFileSync(path.join(dir, 'deno'), `#!/bin/sh\nexec ${JSON.stringify(setsid)} ${JSON.stringify(path.join(denoBinDir, 'deno'))} "$@"\n`, { mode: 0o755 });
    process.env.PATH = [dir, denoBinDir, process.env.PATH ?? ''].join(path.delimiter);
    return () => fs.rmSync(dir, { recursive: true, force: true });
}
