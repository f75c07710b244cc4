import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

import { waitFor } from './waitFor';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * An npm script run as a person runs it in a terminal: in its own process group (a terminal's
 * foreground job), so that `interrupt()` signals the whole group as Ctrl-C does.
 */
export class SpawnedCommand {
    public output = '';
    public exit?: { code: number | null; signal: NodeJS.Signals | null };
    private readonly child: ChildProcess;

    constructor(args: ReadonlyArray<string>, env: Record<string, string>) {
        this.child = spawn('npm', [...args], { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const collect = (chunk: Buffer) => {
            this.output += chunk.toString('utf8');
        };
        this.child.stdout?.on('data', collect);
        this.child.stderr?.on('data', collect);
        this.child.on('exit', (code, signal) => {
            this.exit = { code, signal };
        });
    }

    /** Resolves with the first match of `pattern` in the output so far or to come; fails when the command ends first. */
    public async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
        return waitFor(`${pattern} in the output of npm ${this.child.spawnargs.slice(1).join(' ')}`, () => {
            const match = this.output.match(pattern);
            if (!match && this.exit !== undefined) {
                throw new Error(`npm ended (${JSON.stringify(this.exit)}) before printing ${pattern}:\n${this.output}`);
            }
            return match;
        }, timeoutMs, 100);
    }

    /** Whether any process of the group is still alive. */
    public groupAlive(): boolean {
        try {
            process.kill(-this.child.pid!, 0);
            return true;
        } catch {
            return false;
        }
    }

    /** Sends `signal` to the whole group (Ctrl-C is SIGINT) and resolves with the milliseconds until every process of it is gone. */
    public async interrupt(signal: NodeJS.Signals = 'SIGINT', timeoutMs = 15000): Promise<number> {
        const start = Date.now();
        process.kill(-this.child.pid!, signal);
        await waitFor('the process group to end', () => !this.groupAlive() && this.exit !== undefined, timeoutMs, 20);
        return Date.now() - start;
    }

    /** Ends whatever is left of the group (after a failed test). */
    public kill(): void {
        if (this.groupAlive()) {
            process.kill(-this.child.pid!, 'SIGKILL');
        }
    }
}
