/** One sample of a metric: its labels (none for a single-sample metric) and its value. */
export interface MetricSample {
    readonly labels: Readonly<Record<string, string>>;
    readonly value: number;
}

/** A metric as Prometheus names it: all its samples under one name, one help text and one type. */
export interface MetricFamily {
    /** `tickets_…`, in base units, `_total` for a counter. */
    readonly name: string;
    readonly help: string;
    readonly type: 'counter' | 'gauge';
    readonly samples: ReadonlyArray<MetricSample>;
}
