import { APP_SOURCE } from '../stats/appSource';
import { REFUSAL_REASONS, RefusalCount } from '../stats/RefusalStatsStore';
import { ATTEMPT_OUTCOMES } from '../stats/SourceStatsStore';
import { SourceStatus, StatusReport } from '../status/buildStatusReport';
import { MetricFamily, MetricSample } from './MetricFamily';

/** Everything the metrics are made of: the status report, the refusal totals and the app's own facts. */
export interface MetricInputs {
    readonly report: StatusReport;
    readonly refusals: ReadonlyArray<RefusalCount>;
    /** The app's version (app.json) and the Apps-Engine versions it declares it runs on (its requiredApiVersion). */
    readonly app: { readonly version: string; readonly requiredEngine: string };
    readonly now: Date;
}

const seconds = (iso: string): number => Date.parse(iso) / 1000;

/** One gauge or counter with a sample per source. */
function perSource(name: string, type: MetricFamily['type'], help: string, sources: ReadonlyArray<SourceStatus>, value: (source: SourceStatus) => number | undefined): MetricFamily {
    const samples: Array<MetricSample> = [];
    for (const source of sources) {
        const sampleValue = value(source);
        if (sampleValue !== undefined) {
            samples.push({ labels: { source: source.source }, value: sampleValue });
        }
    }
    return { name, type, help, samples };
}

/**
 * Refusal totals of every source that can refuse (each platform and the app's own endpoints) and
 * every reason, zeros included, so that a rate over them exists from the first scrape; a source
 * no longer known still shows what it counted.
 */
function refusalSamples(refusals: ReadonlyArray<RefusalCount>, sources: ReadonlyArray<string>): Array<MetricSample> {
    const known = [...sources, ...refusals.map((refusal) => refusal.source).filter((source) => !sources.includes(source))];
    return ([] as Array<MetricSample>).concat(...known.map((source) => REFUSAL_REASONS.map((reason) => ({
        labels: { source, reason },
        value: refusals.find((refusal) => refusal.source === source && refusal.reason === reason)?.total ?? 0,
    }))));
}

/** The app's metrics, in Prometheus' naming (prefix `tickets_`, base units, `_total` for counters). */
export function metricFamilies({ report, refusals, app, now }: MetricInputs): Array<MetricFamily> {
    const { sources } = report;
    return [
        { name: 'tickets_app_info', type: 'gauge', help: 'The Tickets app: its version and the Apps-Engine versions it requires (always 1).', samples: [{ labels: { version: app.version, required_engine: app.requiredEngine }, value: 1 }] },
        perSource('tickets_source_enabled', 'gauge', 'Whether the source is switched on (1) or off (0).', sources, (source) => Number(source.enabled)),
        perSource('tickets_source_configured', 'gauge', 'Whether every setting and department the source needs is set (1) or not (0); status names what is missing.', sources, (source) => Number(source.configured)),
        perSource('tickets_messages_in_total', 'counter', 'Messages that came in from the source into rooms.', sources, (source) => source.messagesIn),
        perSource('tickets_messages_out_total', 'counter', 'Deliveries to the source that it accepted (agent replies and closes).', sources, (source) => source.messagesOut),
        {
            name: 'tickets_delivery_attempts_total',
            type: 'counter',
            help: 'Delivery attempts by how they ended: delivered, failed (tried again later) or parked (refused by the receiver).',
            samples: ([] as Array<MetricSample>).concat(...sources.map((source) => ATTEMPT_OUTCOMES.map((outcome) => ({ labels: { source: source.source, outcome }, value: source.deliveryAttempts[outcome] })))),
        },
        perSource('tickets_open_rooms', 'gauge', 'Rooms of the source open now.', sources, (source) => source.openRooms),
        perSource('tickets_outbox_queued_items', 'gauge', 'Deliveries waiting in the outbox.', sources, (source) => source.outbox.queued),
        perSource('tickets_outbox_retrying_items', 'gauge', 'Waiting deliveries that have failed at least once.', sources, (source) => source.outbox.retryingItems),
        perSource('tickets_outbox_parked_items', 'gauge', 'Deliveries given up on, kept until an operator retries them.', sources, (source) => source.outbox.parked),
        perSource('tickets_outbox_oldest_queued_age_seconds', 'gauge', 'How long the oldest waiting delivery has waited (0 when none waits).', sources,
            (source) => (source.outbox.oldestQueuedAt ? Math.max(0, (now.getTime() - Date.parse(source.outbox.oldestQueuedAt)) / 1000) : 0)),
        perSource('tickets_last_delivery_error_timestamp_seconds', 'gauge', 'When the latest delivery error of the source happened (Unix time; absent when none did).', sources,
            (source) => (source.lastError ? seconds(source.lastError.at) : undefined)),
        perSource('tickets_events_waiting_for_agent', 'gauge', 'Events of end users kept until an agent comes online.', sources, (source) => source.waitingForAgent.events),
        {
            name: 'tickets_refused_requests_total',
            type: 'counter',
            help: 'Inbound requests refused, by reason: bad-credentials, bad-input, switched-off, not-configured, wrong-method, unsupported-media-type.',
            samples: refusalSamples(refusals, [...sources.map((source) => source.source), APP_SOURCE]),
        },
    ];
}
