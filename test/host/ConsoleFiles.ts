import { emojiList } from 'emoji-toolkit';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';

/** The console's files: plain HTML, CSS and JavaScript modules, served as they are (no build step). */
export const CONSOLE_DIR = path.join(__dirname, 'console');

const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
};

/** Every file under the console's folder, by its path relative to it (`js/rooms.js`): nothing else is ever served. */
function consoleFiles(dir = CONSOLE_DIR, prefix = ''): Map<string, string> {
    const files = new Map<string, string>();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const relative = `${prefix}${entry.name}`;
        if (entry.isDirectory()) {
            for (const [name, full] of consoleFiles(path.join(dir, entry.name), `${relative}/`)) {
                files.set(name, full);
            }
        } else if (TYPES[path.extname(entry.name)]) {
            files.set(relative, path.join(dir, entry.name));
        }
    }
    return files;
}

let emojiJson: string | undefined;

/**
 * JoyPixels shortnames (without colons) → emoji, from the same emoji-toolkit data the app uses:
 * the Omnichannel UI shows `:wave:` as 👋, and so does the console.
 */
function emojiByShortname(): string {
    if (emojiJson === undefined) {
        const byName: Record<string, string> = {};
        for (const [shortname, emoji] of Object.entries(emojiList)) {
            const character = String.fromCodePoint(...emoji.uc_full.split('-').map((hex) => parseInt(hex, 16)));
            for (const name of [...emoji.shortnames, shortname]) {
                byName[name.slice(1, -1)] = character;
            }
        }
        emojiJson = JSON.stringify(byName);
    }
    return emojiJson;
}

/**
 * The web console of the playground: `GET /` is its page, `/console/<file>` its files and
 * `/console/emoji.json` the emoji names. Returns false for any other request.
 */
export function serveConsole(method: string, url: URL, res: http.ServerResponse): boolean {
    if (method !== 'GET' || (url.pathname !== '/' && !url.pathname.startsWith('/console/'))) {
        return false;
    }
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice('/console/'.length);
    if (name === 'emoji.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' });
        res.end(emojiByShortname());
        return true;
    }
    const file = consoleFiles().get(name);
    if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`no console file ${name}`);
        return true;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)], 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(fs.readFileSync(file));
    return true;
}
