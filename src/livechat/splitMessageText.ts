/**
 * Splits a text into parts of at most `limit` UTF-16 code units (JavaScript's `length`, what
 * Rocket.Chat's Message_MaxAllowedSize counts), in order, so that joining the parts gives the
 * text back exactly. A part ends after a line break when one falls in the second half of the
 * window, else after a space or tab there, else at the limit, never inside a surrogate pair.
 */
export function splitMessageText(text: string, limit: number): Array<string> {
    const max = Math.max(2, Math.floor(limit));
    const parts: Array<string> = [];
    let rest = text;
    while (rest.length > max) {
        const cut = cutPoint(rest, max);
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
    }
    parts.push(rest);
    return parts;
}

function cutPoint(text: string, max: number): number {
    const window = text.slice(0, max);
    const earliest = Math.floor(max / 2);
    const lineBreak = window.lastIndexOf('\n');
    if (lineBreak >= earliest) {
        return lineBreak + 1;
    }
    const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
    if (space >= earliest) {
        return space + 1;
    }
    const last = text.charCodeAt(max - 1);
    return last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
}
