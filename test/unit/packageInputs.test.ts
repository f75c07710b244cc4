import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { inputsDigest, recordBuild, upToDateZip } = require('../../scripts/package-inputs');

/** A project tree with the files the zip is built from. */
function project(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tickets-inputs-'));
    const write = (relative: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        fs.writeFileSync(path.join(root, relative), text);
    };
    write('app.json', '{"id":"x"}');
    write('package.json', '{"name":"x"}');
    write('package-lock.json', '{"lockfileVersion":3}');
    write('TicketsApp.ts', 'export class TicketsApp {}');
    write('src/a.ts', 'export const a = 1;');
    write('i18n/en.json', '{}');
    write('test/ignored.test.ts', 'test');
    return root;
}

describe('the zip is rebuilt only when one of its inputs changed', () => {
    let root: string;

    beforeEach(() => {
        root = project();
    });

    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('keeps the digest when nothing changed, or only a file that is not an input, or only a time stamp', () => {
        const digest = inputsDigest(root);
        fs.writeFileSync(path.join(root, 'test/ignored.test.ts'), 'changed');
        const later = new Date(Date.now() + 60000);
        fs.utimesSync(path.join(root, 'src/a.ts'), later, later);
        expect(inputsDigest(root)).toBe(digest);
    });

    it('changes the digest when a source, a new file, a renamed file or the lockfile changes', () => {
        const digests = new Set([inputsDigest(root)]);
        fs.writeFileSync(path.join(root, 'src/a.ts'), 'export const a = 2;');
        digests.add(inputsDigest(root));
        fs.writeFileSync(path.join(root, 'src/b.ts'), '');
        digests.add(inputsDigest(root));
        fs.renameSync(path.join(root, 'src/b.ts'), path.join(root, 'src/c.ts'));
        digests.add(inputsDigest(root));
        fs.writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"x":1}');
        digests.add(inputsDigest(root));
        expect(digests.size).toBe(5);
    });

    it('finds the zip up to date only with the recorded digest and the zip present', () => {
        const digest = inputsDigest(root);
        expect(upToDateZip(root, digest)).toBeUndefined();
        fs.mkdirSync(path.join(root, 'dist'));
        recordBuild(root, digest, 'tickets_0.1.0.zip');
        expect(upToDateZip(root, digest)).toBeUndefined();
        fs.writeFileSync(path.join(root, 'dist', 'tickets_0.1.0.zip'), 'zip');
        expect(upToDateZip(root, digest)).toBe(path.join(root, 'dist', 'tickets_0.1.0.zip'));
        expect(upToDateZip(root, 'another digest')).toBeUndefined();
    });
});
