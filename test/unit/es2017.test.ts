// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script without typings
const { assertParsesAsEs2017 } = require('../../scripts/es2017') as { assertParsesAsEs2017: (code: string, fileName: string) => void };

describe('the ES2017 check of the bundle (what Apps-Engine 1.53 parses before installing)', () => {
    it('accepts ES2017: async functions, classes, template literals, lookahead', () => {
        expect(() => assertParsesAsEs2017('"use strict"; class A { async run() { return `${await 1}`; } } const r = /a(?=b)/;', 'ok.js')).not.toThrow();
    });

    it.each([
        ['optional chaining', 'const a = b?.c;'],
        ['nullish coalescing', 'const a = b ?? c;'],
        ['object spread', 'const a = { ...b };'],
        ['regular expression lookbehind', 'const r = /(?<![a-z])x/;'],
        ['named capture groups', 'const r = /(?<year>\\d{4})/;'],
        ['the s flag', 'const r = /a.b/s;'],
    ])('refuses %s, naming the file and showing where', (_name, code) => {
        expect(() => assertParsesAsEs2017(code, 'the bundle X.js')).toThrow(/the bundle X\.js does not parse as ES2017[\s\S]*near: /);
    });
});
