import * as fs from 'fs';
import * as path from 'path';

import { PLATFORMS } from '../../src/platforms/registry';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): Array<string> {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
    });
}

/** Rocket.Chat's own API names that happen to contain a platform's name (ILivechatUpdater.closeRoom contains "closeR"). */
const ENGINE_NAMES = /closeRoom/g;

describe('one platform, one place', () => {
    const files = [...sourceFiles(path.join(ROOT, 'src')), path.join(ROOT, 'TicketsApp.ts')];
    const registry = path.join(ROOT, 'src', 'platforms', 'registry.ts');

    it.each(PLATFORMS.map((platform) => [platform.source]))('no file outside src/platforms/%s/ and the registry names it', (source) => {
        const own = path.join(ROOT, 'src', 'platforms', source) + path.sep;
        const naming = files
            .filter((file) => file !== registry && !file.startsWith(own))
            .filter((file) => new RegExp(source, 'i').test(fs.readFileSync(file, 'utf8').replace(ENGINE_NAMES, '')));
        expect(naming.map((file) => path.relative(ROOT, file))).toEqual([]);
    });

    it('each platform has its folder with an index.ts', () => {
        for (const { source } of PLATFORMS) {
            expect(fs.existsSync(path.join(ROOT, 'src', 'platforms', source, 'index.ts'))).toBe(true);
        }
    });
});
