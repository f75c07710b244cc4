import { emojiList, shortnameToUnicode } from 'emoji-toolkit';

import { shortcodesToEmoji } from '../../src/outbound/shortcodesToEmoji';

/** The emoji as code points, so a test failure shows which sequence came out. */
const codePoints = (text: string): Array<string> => Array.from(text).map((character) => character.codePointAt(0)!.toString(16));

describe('shortcodesToEmoji', () => {
    it('turns the shortnames Rocket.Chat\'s emoji picker inserts (JoyPixels) into their emoji', () => {
        expect(shortcodesToEmoji(':thumbsup: :slight_smile:')).toBe('👍 🙂');
        expect(shortcodesToEmoji(':grinning: :joy: :heart: :fire: :white_check_mark: :wave:')).toBe('😀 😂 ❤️ 🔥 ✅ 👋');
        expect(shortcodesToEmoji(':flag_br: :england: :one:')).toBe('🇧🇷 🏴󠁧󠁢󠁥󠁮󠁧󠁿 1️⃣');
    });

    it('writes skin tones and ZWJ sequences exactly, fully qualified', () => {
        expect(codePoints(shortcodesToEmoji(':man_technologist_tone2:'))).toEqual(['1f468', '1f3fc', '200d', '1f4bb']);
        expect(shortcodesToEmoji(':thumbsup_tone1::thumbsup_tone2::thumbsup_tone3::thumbsup_tone4::thumbsup_tone5:')).toBe('👍🏻👍🏼👍🏽👍🏾👍🏿');
        expect(codePoints(shortcodesToEmoji(':woman_technologist:'))).toEqual(['1f469', '200d', '1f4bb']);
        expect(codePoints(shortcodesToEmoji(':rainbow_flag:'))).toEqual(['1f3f3', 'fe0f', '200d', '1f308']);
        expect(codePoints(shortcodesToEmoji(':family_mwgb:'))).toEqual(['1f468', '200d', '1f469', '200d', '1f467', '200d', '1f466']);
        expect(codePoints(shortcodesToEmoji(':kiss_man_man_tone1_tone2:'))).toEqual(['1f468', '1f3fb', '200d', '2764', 'fe0f', '200d', '1f48b', '200d', '1f468', '1f3fc']);
        expect(codePoints(shortcodesToEmoji(':woman_running_tone4:'))).toEqual(['1f3c3', '1f3fe', '200d', '2640', 'fe0f']);
    });

    it('converts every JoyPixels shortname, primary and alternative, as emoji-toolkit\'s own shortnameToUnicode does (what Rocket.Chat uses)', () => {
        const names = Object.keys(emojiList).flatMap((shortname) => [shortname, ...emojiList[shortname].shortnames]);
        expect(names.length).toBeGreaterThan(6000);
        const different = names.filter((name) => shortcodesToEmoji(name) !== shortnameToUnicode(name));
        expect(different).toEqual([]);
        expect(names.filter((name) => shortcodesToEmoji(name) === name)).toEqual([]);
    });

    it('converts the picker\'s names that JoyPixels retired: :iphone: and :bride_with_veil: with its tones', () => {
        expect(shortcodesToEmoji(':iphone:')).toBe('📱');
        expect(shortcodesToEmoji(':bride_with_veil:')).toBe('👰');
        expect(codePoints(shortcodesToEmoji(':bride_with_veil_tone3:'))).toEqual(['1f470', '1f3fd']);
    });

    it('keeps the GitHub-style aliases working', () => {
        expect(shortcodesToEmoji(':+1: :-1: :smile: :tada: :rocket: :heart_eyes: :sweat_smile:')).toBe('👍 👎 😄 🎉 🚀 😍 😅');
        // Names JoyPixels does not know, from node-emoji's table.
        expect(shortcodesToEmoji(':hugs: :roll_eyes: :facepunch: :partying: :brazil: :uk:')).toBe('🤗 🙄 👊 🥳 🇧🇷 🇬🇧');
        expect(codePoints(shortcodesToEmoji(':blonde_woman:'))).toEqual(['1f471', '200d', '2640', 'fe0f']);
        // A tone on an alias counts when JoyPixels has the toned emoji.
        expect(codePoints(shortcodesToEmoji(':blonde_woman_tone4:'))).toEqual(['1f471', '1f3fe', '200d', '2640', 'fe0f']);
    });

    it('gives a name both know the meaning Rocket.Chat shows the agent (JoyPixels)', () => {
        expect(shortcodesToEmoji(':om:')).toBe('🇴🇲');
        expect(shortcodesToEmoji(':cricket:')).toBe('🦗');
    });

    it('leaves unknown shortcodes, other casing and ordinary colons as typed', () => {
        for (const text of [':no_such_emoji_xyz:', ':SMILE:', ':Smile:', ':smile', 'smile:', '::', ':::', ': smile :', 'time 10:30', 'http://host:8080/a:b', ':smile_tone2:', ':thumbsup_tone6:', ':thumbsup_tone2_tone3:', 'ASCII smileys :) :D ;) :-( <3', '']) {
            expect(shortcodesToEmoji(text)).toBe(text);
        }
    });

    it('finds a shortcode right after an unknown one or a time (the closing colon may open the next)', () => {
        expect(shortcodesToEmoji('at 10:30:smile:')).toBe('at 10:30😄');
        expect(shortcodesToEmoji(':nope:smile:')).toBe(':nope😄');
        expect(shortcodesToEmoji(':smile::tada:')).toBe('😄🎉');
        expect(shortcodesToEmoji('::smile::')).toBe(':😄:');
    });

    it('converts shortcodes inside mixed text and keeps everything else byte for byte', () => {
        const text = 'Olá Ana :wave:\n주문이 확인되었습니다 :white_check_mark: (#42, 3:15 pm)\n\t👍 already an emoji :unknown: ok:thumbsup:';
        expect(shortcodesToEmoji(text)).toBe('Olá Ana 👋\n주문이 확인되었습니다 ✅ (#42, 3:15 pm)\n\t👍 already an emoji :unknown: ok👍');
    });

    it('converts inside code spans and blocks too, as the app always has', () => {
        expect(shortcodesToEmoji('`:smile:` and\n```\n:tada:\n```')).toBe('`😄` and\n```\n🎉\n```');
    });
});
