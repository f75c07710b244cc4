import parsePrometheusTextFormat from 'parse-prometheus-text-format';

import { prometheusText } from '../../src/metrics/prometheusText';

describe('prometheusText', () => {
    it('writes each family\'s HELP and TYPE before its samples, one line each, ending with a line feed', () => {
        const text = prometheusText([
            { name: 'tickets_things_total', type: 'counter', help: 'Things.', samples: [{ labels: { source: 'a' }, value: 3 }, { labels: { source: 'b' }, value: 0 }] },
            { name: 'tickets_info', type: 'gauge', help: 'Info.', samples: [{ labels: {}, value: 1 }] },
            { name: 'tickets_when_timestamp_seconds', type: 'gauge', help: 'When.', samples: [{ labels: { source: 'a' }, value: 1767225600.5 }] },
        ]);
        expect(text).toBe([
            '# HELP tickets_things_total Things.',
            '# TYPE tickets_things_total counter',
            'tickets_things_total{source="a"} 3',
            'tickets_things_total{source="b"} 0',
            '# HELP tickets_info Info.',
            '# TYPE tickets_info gauge',
            'tickets_info 1',
            '# HELP tickets_when_timestamp_seconds When.',
            '# TYPE tickets_when_timestamp_seconds gauge',
            'tickets_when_timestamp_seconds{source="a"} 1767225600.5',
            '',
        ].join('\n'));
    });

    it('escapes label values and help texts so that a parser reads them back as they were', () => {
        const value = 'C:\\dir "quoted"\nnext line';
        const text = prometheusText([{ name: 'tickets_odd', type: 'gauge', help: 'Back\\slash\nand a line feed.', samples: [{ labels: { version: value }, value: 1 }] }]);
        expect(text.split('\n')).toHaveLength(4);
        const [family] = parsePrometheusTextFormat(text);
        expect(family.metrics[0].labels).toEqual({ version: value });
        expect(family.help).toBe('Back\\slash\nand a line feed.');
    });
});
