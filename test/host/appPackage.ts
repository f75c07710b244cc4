import * as fs from 'fs';
import * as path from 'path';

/** The zip `npm run package` built into dist/ (the one and only installable artefact). */
export function builtAppPackage(): Buffer {
    const dist = path.resolve(__dirname, '..', '..', 'dist');
    const zips = fs.existsSync(dist) ? fs.readdirSync(dist).filter((name) => name.endsWith('.zip')) : [];
    if (zips.length !== 1) {
        throw new Error(`expected exactly one zip in ${dist} (run "npm run package"), found ${zips.length}`);
    }
    return fs.readFileSync(path.join(dist, zips[0]));
}
