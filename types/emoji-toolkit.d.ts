// emoji-toolkit (JoyPixels) ships no type definitions: these are the parts of its module the app
// reads. Rocket.Chat renders :shortnames: with the same module and data.
declare module 'emoji-toolkit' {
    export interface JoyPixelsEmoji {
        /** Code points of the fully qualified emoji, hex, joined by '-' (e.g. "1f468-1f3fc-200d-1f4bb"). */
        uc_full: string;
        /** Alternative shortnames, with their colons (e.g. [":+1:", ":thumbup:"]). */
        shortnames: Array<string>;
    }

    /** Every emoji by its primary shortname, with its colons (e.g. ":thumbsup:"). */
    export const emojiList: Record<string, JoyPixelsEmoji>;

    /** Rocket.Chat's own conversion (server/callbacks.ts of emoji-emojione): :shortnames: to Unicode. */
    export function shortnameToUnicode(text: string): string;
}
