import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Builds one of the bench's own apps (`tiny-app` or `limit-app`) with rc-apps, in a scratch folder; returns its zip's bytes. */
export function packageBenchApp(folder: 'tiny-app' | 'limit-app', classFile: string): Buffer {
    const root = path.resolve(__dirname, '..');
    const stage = fs.mkdtempSync(path.join(os.tmpdir(), `${folder}-`));
    for (const name of ['app.json', classFile]) {
        fs.copyFileSync(path.join(__dirname, folder, name), path.join(stage, name));
    }
    fs.copyFileSync(path.join(root, 'icon.png'), path.join(stage, 'icon.png'));
    fs.copyFileSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
    execFileSync(path.join(root, 'node_modules', '.bin', 'rc-apps'), ['package'], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
    const zip = fs.readdirSync(path.join(stage, 'dist')).find((name) => name.endsWith('.zip'))!;
    const bytes = fs.readFileSync(path.join(stage, 'dist', zip));
    fs.rmSync(stage, { recursive: true, force: true });
    return bytes;
}
