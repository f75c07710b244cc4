// parse-prometheus-text-format ships no type definitions: these are the parts of its module the
// tests read (counters, gauges and untyped samples; histograms and summaries are not used).
declare module 'parse-prometheus-text-format' {
    export interface PrometheusSample {
        /** The sample's value as written (e.g. "3", "1.7e9", "+Inf"). */
        value: string;
        /** Absent when the sample has no labels. */
        labels?: Record<string, string>;
    }

    export interface PrometheusFamily {
        name: string;
        help: string;
        type: 'COUNTER' | 'GAUGE' | 'UNTYPED' | 'HISTOGRAM' | 'SUMMARY';
        metrics: Array<PrometheusSample>;
    }

    /** Parses text exposition format 0.0.4; throws on a line it cannot read. */
    export default function parsePrometheusTextFormat(text: string): Array<PrometheusFamily>;
}
