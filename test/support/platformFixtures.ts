import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', 'fixtures');

/**
 * A recorded sample payload, `test/fixtures/<platform>/<name>.json`, parsed. `T` is the
 * platform's documented type of it (src/platforms/<platform>/types.ts), as the reader's claim:
 * the parser tests and the contract suite check what the app makes of it.
 */
export function fixture<T = unknown>(platform: string, name: string): T {
    return JSON.parse(readFileSync(join(ROOT, platform, `${name}.json`), 'utf8')) as T;
}

/** The names (without `.json`) of a platform's fixtures, sorted. */
export function fixtureNames(platform: string): Array<string> {
    return readdirSync(join(ROOT, platform)).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length)).sort();
}
