import { MetricFamily, MetricSample } from './MetricFamily';

/** The media type of Prometheus' text exposition format 0.0.4. */
export const PROMETHEUS_TEXT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** A label value as the format writes it: backslash, double quote and line feed escaped. */
const labelValue = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** A help text as the format writes it: backslash and line feed escaped. */
const helpText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function sampleLine(name: string, sample: MetricSample): string {
    const labels = Object.entries(sample.labels).map(([label, value]) => `${label}="${labelValue(value)}"`);
    return `${name}${labels.length > 0 ? `{${labels.join(',')}}` : ''} ${sample.value}`;
}

/** The families in the text exposition format 0.0.4: each one's `# HELP` and `# TYPE`, then its samples, ending with a line feed. */
export function prometheusText(families: ReadonlyArray<MetricFamily>): string {
    const lines: Array<string> = [];
    for (const family of families) {
        lines.push(`# HELP ${family.name} ${helpText(family.help)}`, `# TYPE ${family.name} ${family.type}`);
        lines.push(...family.samples.map((sample) => sampleLine(family.name, sample)));
    }
    return `${lines.join('\n')}\n`;
}
