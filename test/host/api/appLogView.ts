import { ILoggerStorageEntry } from '@rocket.chat/apps-engine/server/logging';

import { isEngineLogLine } from '../isEngineLogLine';

/** A log line longer than this is cut, with a marker saying how long it was. */
export const LOG_TEXT_LIMIT = 2000;

/** The levels `GET /host/logs?level=` takes; each shows its own severity and the ones above it. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = typeof LOG_LEVELS[number];

/** The engine's severities (LogMessageSeverity) ranked as the levels above: `log` and `success` count as info. */
const RANK: Record<string, number> = { debug: 0, info: 1, log: 1, success: 1, warning: 2, error: 3 };
const LEVEL_RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export interface AppLogLine {
    /** ISO time the line was written. */
    at: string;
    severity: string;
    /** The call into the app the line belongs to (e.g. `app:executePostMessageSent`). */
    method: string;
    text: string;
    /** The text was longer than LOG_TEXT_LIMIT and ends with a marker instead. */
    cut: boolean;
    /** Written by the engine's runtime itself, not by the app. */
    byEngine: boolean;
}

function textOf(args: ReadonlyArray<unknown>): string {
    return args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
}

function isoTime(value: unknown, fallback: unknown): string {
    const time = new Date((value ?? fallback) as string | number | Date);
    return Number.isNaN(time.getTime()) ? new Date(0).toISOString() : time.toISOString();
}

/** The app's log lines at `level` or above, the newest `limit` of them, oldest first, long texts cut. */
export function appLogView(entries: ReadonlyArray<ILoggerStorageEntry>, appId: string, level: LogLevel, limit: number): Array<AppLogLine> {
    const lines: Array<AppLogLine> = [];
    for (const entry of entries) {
        if (entry.appId !== appId) {
            continue;
        }
        for (const line of entry.entries) {
            if ((RANK[String(line.severity)] ?? 1) < LEVEL_RANK[level]) {
                continue;
            }
            const full = textOf(line.args);
            const cut = full.length > LOG_TEXT_LIMIT;
            lines.push({
                at: isoTime(line.timestamp, entry._createdAt),
                severity: String(line.severity),
                method: entry.method,
                text: cut ? `${full.slice(0, LOG_TEXT_LIMIT)}… [cut: ${full.length} characters in all]` : full,
                cut,
                byEngine: isEngineLogLine(full),
            });
        }
    }
    return lines.slice(-limit);
}
