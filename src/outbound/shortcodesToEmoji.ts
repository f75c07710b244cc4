import { emojiList } from 'emoji-toolkit';
import { get as nodeEmojiCharacter } from 'node-emoji';

/** VARIATION SELECTOR-16 ("show as emoji"): sequences are compared without it. */
const PRESENTATION = /\ufe0f/g;
/** The five Fitzpatrick modifiers, for `_tone1` … `_tone5`. */
const SKIN_TONES = ['\u{1F3FB}', '\u{1F3FC}', '\u{1F3FD}', '\u{1F3FE}', '\u{1F3FF}'];
/** `:name:`: no space or colon inside; whether it is a shortcode is up to the lookup. */
const SHORTCODE = /:([^\s:]+):/g;
const TONED = /^(.+)_tone([1-5])$/;

interface JoyPixelsTables {
    /** Shortname without colons → emoji, as emoji-toolkit's own shortnameToUnicode resolves it. */
    byName: Map<string, string>;
    /** Emoji without VS16 → the fully qualified emoji, for every emoji JoyPixels has. */
    bySequence: Map<string, string>;
}

let tables: JoyPixelsTables | undefined;

function characters(codePoints: string): string {
    return String.fromCodePoint(...codePoints.split('-').map((hex) => parseInt(hex, 16)));
}

const withoutColons = (shortname: string): string => shortname.slice(1, -1);

/**
 * Built on the first shortcode seen, from emoji-toolkit's data. As in emoji-toolkit, an
 * emoji's primary shortname wins over another emoji's alternative one.
 */
function joyPixels(): JoyPixelsTables {
    if (!tables) {
        const byName = new Map<string, string>();
        const bySequence = new Map<string, string>();
        const entries = Object.keys(emojiList).map((shortname) => ({ shortname, emoji: characters(emojiList[shortname].uc_full), alternatives: emojiList[shortname].shortnames }));
        for (const { emoji, alternatives } of entries) {
            for (const alternative of alternatives) {
                byName.set(withoutColons(alternative), emoji);
            }
        }
        for (const { shortname, emoji } of entries) {
            byName.set(withoutColons(shortname), emoji);
            bySequence.set(emoji.replace(PRESENTATION, ''), emoji);
        }
        tables = { byName, bySequence };
    }
    return tables;
}

/** JoyPixels first (what Rocket.Chat shows the agent), then the names node-emoji knows (GitHub-style aliases). */
function named(name: string): string | undefined {
    return joyPixels().byName.get(name) ?? nodeEmojiCharacter(name);
}

/**
 * `<name>_tone<N>` for a name that has no toned shortname of its own (Rocket.Chat's picker
 * still offers `:bride_with_veil_tone2:`, which JoyPixels now calls `person_with_veil`): the
 * modifier goes after the emoji's first code point, and the result counts only if JoyPixels has
 * that emoji.
 */
function toned(name: string): string | undefined {
    const match = TONED.exec(name);
    const base = match ? named(match[1]) : undefined;
    if (!match || base === undefined) {
        return undefined;
    }
    const [first, ...rest] = Array.from(base.replace(PRESENTATION, ''));
    return joyPixels().bySequence.get([first, SKIN_TONES[Number(match[2]) - 1], ...rest].join(''));
}

/**
 * Every `:shortcode:` the way Rocket.Chat writes them (JoyPixels shortnames, skin tones and
 * ZWJ sequences included) plus GitHub-style aliases, as its Unicode emoji. Unknown shortcodes
 * stay as typed; their closing colon may open the next one (`10:30:smile:`).
 */
export function shortcodesToEmoji(text: string): string {
    const pattern = new RegExp(SHORTCODE.source, 'g');
    let result = '';
    let copied = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const emoji = named(match[1]) ?? toned(match[1]);
        if (emoji === undefined) {
            pattern.lastIndex -= 1;
            continue;
        }
        result += text.slice(copied, match.index) + emoji;
        copied = pattern.lastIndex;
    }
    return result + text.slice(copied);
}
