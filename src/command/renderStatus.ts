import { StatusReport } from '../status/buildStatusReport';
import { describeProblem } from '../status/describeProblem';
import { OperatorTexts } from '../texts/OperatorTexts';

/** How many parked items the command shows (status itself lists more). */
const SHOWN_PARKED = 10;

/** `2026-12-01T10:02:03.456Z` → `2026-12-01 10:02 UTC`. */
function minute(iso: string): string {
    return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** The status report as the /tickets command shows it: a line per source, what is missing or wrong for those switched on, the alerts' room and its problems, the newest parked items. */
export function renderStatus(report: StatusReport, texts: OperatorTexts): string {
    const lines = [texts.statusTitle];
    for (const source of report.sources) {
        if (!source.enabled) {
            lines.push(`*${source.label}*: ${texts.off}`);
            continue;
        }
        const facts = [
            source.configured ? texts.configured : texts.notConfigured,
            texts.openRooms(source.openRooms),
            texts.queued(source.outbox.queued),
            texts.parked(source.outbox.parked),
        ];
        lines.push(`*${source.label}* (${texts.on}): ${facts.join(' · ')}`);
        lines.push(...source.problems.map((problem) => `• ${describeProblem(problem, source.label, texts)}`));
    }
    lines.push(report.alerts.room === null ? texts.alertsOff : texts.alertsIn(report.alerts.room, report.alerts.active.length));
    lines.push(...report.problems.map((problem) => `• ${describeProblem(problem, '', texts)}`));
    const { total, items } = report.parked;
    if (total === 0) {
        lines.push('', texts.noneParked);
        return lines.join('\n');
    }
    const shown = items.slice(0, SHOWN_PARKED);
    lines.push('', texts.parkedTitle(shown.length, total));
    lines.push(...shown.map((item) => `• ${texts.parkedLine({ id: item.id, source: item.source, room: item.conversationId, kind: item.kind, parkedAt: minute(item.parkedAt), attempts: item.attempts, reason: item.reason })}`));
    lines.push(texts.retryHint);
    return lines.join('\n');
}
