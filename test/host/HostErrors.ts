export interface HostError {
    at: number;
    /** Where it was raised: the event handler's method or the scheduler job's name. */
    where: string;
    message: string;
}

/** Every host's collector while it lives (and until its errors were checked), for the shared test setup. */
const collectors = new Set<HostErrors>();

/**
 * Exceptions the app raised where Rocket.Chat only writes them to its server log: in event
 * handlers (the engine's ProxiedApp.call swallows them) and in scheduler jobs (Agenda records
 * them on the job). The host never swallows them: they are collected here, and the shared test
 * setup (test/support/failOnHostErrors.ts) fails a test that leaves any it did not expect.
 */
export class HostErrors {
    private readonly errors: Array<HostError> = [];
    private readonly expected: Array<RegExp> = [];

    constructor() {
        collectors.add(this);
    }

    public record(where: string, error: unknown): void {
        this.errors.push({ at: Date.now(), where, message: errorText(error) });
    }

    public all(): ReadonlyArray<HostError> {
        return this.errors;
    }

    /** Declares that errors whose `where: message` matches `pattern` are part of the current test. */
    public expect(pattern: RegExp): void {
        this.expected.push(pattern);
    }

    /** Errors no expectation matches (removed from the collector); expectations are reset. */
    public takeUnexpected(): Array<HostError> {
        const unexpected = this.errors.filter((error) => !this.expected.some((pattern) => pattern.test(`${error.where}: ${error.message}`)));
        this.errors.length = 0;
        this.expected.length = 0;
        return unexpected;
    }

    /** The host stopped: its collector leaves the registry once checked. */
    public retire(): void {
        retired.add(this);
    }
}

const retired = new Set<HostErrors>();

/** Unexpected errors of every host, as one report ('' when there are none); stopped hosts are forgotten afterwards. */
export function takeUnexpectedHostErrors(): string {
    const lines: Array<string> = [];
    for (const collector of [...collectors]) {
        for (const error of collector.takeUnexpected()) {
            lines.push(`${new Date(error.at).toISOString()} ${error.where}: ${error.message}`);
        }
        if (retired.has(collector)) {
            collectors.delete(collector);
            retired.delete(collector);
        }
    }
    return lines.length ? `the app raised ${lines.length} unexpected error(s) in the host:\n${lines.join('\n')}` : '';
}

function errorText(error: unknown): string {
    if (error instanceof Error) {
        return error.message;
    }
    if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
        return (error as { message: string }).message;
    }
    return String(error);
}
