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

/** Resident memory of the Deno runtime processes (kB), from /proc. */
/**
 * One call at a time, the best of `rounds` runs of `count` calls after as many unmeasured
 * calls: the machine's speed drifts while the host and the Deno runtimes warm up.
 */
export async function sequentialBest(count: number, rounds: number, call: (i: number) => Promise<void>): Promise<LatencySummary> {
    await load(count, 1, call);
    let best: LatencySummary | undefined;
    for (let round = 0; round < rounds; round++) {
        const summary = await load(count, 1, (i) => call((round + 1) * count + i));
        best = !best || summary.requestsPerSecond > best.requestsPerSecond ? summary : best;
    }
    return best!;
}

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
