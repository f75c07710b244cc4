import { formatHistory } from '../../src/platforms/rapidpro/RapidProHistory';
import { RapidProMessage } from '../../src/platforms/rapidpro/types';

describe('formatHistory', () => {
    const newestFirst: Array<RapidProMessage> = [
        { direction: 'out', text: 'Third: we will call you', created_on: '2024-05-01T10:02:00Z' },
        { direction: 'in', text: 'Second: my order is late', created_on: '2024-05-01T10:01:00.500Z' },
        { direction: 'out', text: 'First: welcome!', created_on: '2024-05-01T10:00:00Z' },
    ];

    it('lists messages oldest first even when given newest first, with who said it and UTC times', () => {
        expect(formatHistory(newestFirst, 'Ana')).toBe([
            'Conversation history from RapidPro (3 messages):',
            '[2024-05-01 10:00:00 UTC] RapidPro: First: welcome!',
            '[2024-05-01 10:01:00 UTC] Ana: Second: my order is late',
            '[2024-05-01 10:02:00 UTC] RapidPro: Third: we will call you',
        ].join('\n'));
    });

    it('does not reorder the array it was given', () => {
        const copy = [...newestFirst];
        formatHistory(newestFirst, 'Ana');
        expect(newestFirst).toEqual(copy);
    });

    it('sorts by instant, not by text, across time zones', () => {
        const text = formatHistory([
            { direction: 'in', text: 'later', created_on: '2024-05-01T12:30:00+02:00' },
            { direction: 'in', text: 'earlier', created_on: '2024-05-01T10:15:00Z' },
        ], 'Bo');
        expect(text.split('\n').slice(1)).toEqual([
            '[2024-05-01 10:15:00 UTC] Bo: earlier',
            '[2024-05-01 10:30:00 UTC] Bo: later',
        ]);
    });

    it('labels "in" with the contact name and everything else as RapidPro', () => {
        const lines = formatHistory([
            { direction: 'in', text: 'a', created_on: '2024-05-01T10:00:00Z' },
            { direction: 'out', text: 'b', created_on: '2024-05-01T10:01:00Z' },
            { text: 'c', created_on: '2024-05-01T10:02:00Z' },
        ], 'Carla Souza').split('\n');
        expect(lines[1]).toBe('[2024-05-01 10:00:00 UTC] Carla Souza: a');
        expect(lines[2]).toBe('[2024-05-01 10:01:00 UTC] RapidPro: b');
        expect(lines[3]).toBe('[2024-05-01 10:02:00 UTC] RapidPro: c');
    });

    it('shows attachments as links, with their type when known, and skips ones without url', () => {
        const text = formatHistory([{
            direction: 'in',
            text: 'photos',
            created_on: '2024-05-01T10:00:00Z',
            attachments: [
                { content_type: 'image/jpeg', url: 'https://rp.example/media/a.jpg' },
                { url: 'https://rp.example/media/b.bin' },
                { content_type: 'audio/ogg' },
            ],
        }], 'Ana');
        expect(text).toBe([
            'Conversation history from RapidPro (1 message):',
            '[2024-05-01 10:00:00 UTC] Ana: photos',
            '    📎 https://rp.example/media/a.jpg (image/jpeg)',
            '    📎 https://rp.example/media/b.bin',
        ].join('\n'));
    });

    it('handles messages without text or time', () => {
        const text = formatHistory([{ direction: 'in', attachments: [{ url: 'https://rp.example/x.png', content_type: 'image/png' }] }], 'Ana');
        expect(text).toBe('Conversation history from RapidPro (1 message):\n[(unknown time)] Ana: \n    📎 https://rp.example/x.png (image/png)');
    });

    it('counts the messages in the header line (singular and plural)', () => {
        expect(formatHistory([], 'Ana')).toBe('Conversation history from RapidPro (0 messages):');
        expect(formatHistory([{ direction: 'in', text: 'x', created_on: '2024-05-01T10:00:00Z' }], 'Ana').split('\n')[0])
            .toBe('Conversation history from RapidPro (1 message):');
        const five = Array.from({ length: 5 }, (_, i) => ({ direction: 'out', text: `m${i}`, created_on: `2024-05-01T10:0${i}:00Z` }));
        const lines = formatHistory(five, 'Ana').split('\n');
        expect(lines[0]).toBe('Conversation history from RapidPro (5 messages):');
        expect(lines).toHaveLength(6);
    });
});
