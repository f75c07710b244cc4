import * as fs from 'fs';

export interface LatencySummary {
    count: number;
    requestsPerSecond: number;
    p50ms: number;
    p95ms: number;
    p99ms: number;
    maxMs: number;
}

export function percentile(sorted: Array<number>, p: number): number {
    if (sorted.length === 0) {
        return 0;
    }
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summarize(latencies: Array<number>, wallMs: number): LatencySummary {
    const sorted = [...latencies].sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
        count: sorted.length,
        requestsPerSecond: round(sorted.length / (wallMs / 1000)),
        p50ms: round(percentile(sorted, 50)),
        p95ms: round(percentile(sorted, 95)),
        p99ms: round(percentile(sorted, 99)),
        maxMs: round(sorted[sorted.length - 1] ?? 0),
    };
}

/** Runs `count` calls of `call(i)` with `concurrency` in flight; returns each call's latency and the wall time. */
export async function load(count: number, concurrency: number, call: (i: number) => Promise<void>): Promise<LatencySummary> {
    const latencies: Array<number> = [];
    let next = 0;
    const started = process.hrtime.bigint();
    const worker = async () => {
        while (next < count) {
            const i = next++;
            const t0 = process.hrtime.bigint();
            await call(i);
            latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return summarize(latencies, Number(process.hrtime.bigint() - started) / 1e6);
}

/**
 * One call at a time for each workload: a warm-up round of each, then `rounds` rounds of `count`
 * calls of each in turn, so that whatever the machine does meanwhile falls on all of them alike;
 * each workload's best round.
 */
export async function sequentialInterleaved<K extends string>(count: number, rounds: number, calls: Record<K, (i: number) => Promise<void>>): Promise<Record<K, LatencySummary>> {
    const names = Object.keys(calls) as Array<K>;
    const best = {} as Record<K, LatencySummary>;
    for (let round = 0; round <= rounds; round++) {
        for (const name of names) {
            const summary = await load(count, 1, (i) => calls[name](round * count + i));
            if (round > 0 && (!best[name] || summary.requestsPerSecond > best[name].requestsPerSecond)) {
                best[name] = summary;
            }
        }
    }
    return best;
}

/** Resident memory of the Deno runtime processes (kB), from /proc. */
export function denoRssKb(): number {
    let total = 0;
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
            const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
            if (/^Name:\s+deno$/m.test(status) && Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]) === process.pid) {
                total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
            }
        } catch {
            // the process ended while we looked
        }
    }
    return total;
}
