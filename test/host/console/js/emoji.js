// :shortcodes: as the Omnichannel UI shows them (JoyPixels names, from /console/emoji.json).

let names = {};

export async function loadEmoji() {
    const response = await fetch('/console/emoji.json');
    names = await response.json();
}

export const withEmoji = (text) => text.replace(/:([^\s:]+):/g, (whole, name) => names[name] ?? whole);

/** The composer's emoji buttons: each types its shortcode, as Rocket.Chat's picker does. */
export const PICKER = ['slight_smile', 'thumbsup', 'wave', 'pray', 'tada', 'heart', 'truck', 'white_check_mark', 'man_technologist_tone2'];
