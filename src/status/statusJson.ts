import { en } from '../texts/en';
import { StatusReport } from './buildStatusReport';
import { describeProblem } from './describeProblem';

/** The status endpoint's answer: the report with each source's and the app's own problems in (English) words and each parked item's conversation as `room`. */
export function statusJson(report: StatusReport): object {
    return {
        status: 'ok',
        sources: report.sources.map(({ label, problems, ...source }) => ({ ...source, problems: problems.map((problem) => describeProblem(problem, label, en)) })),
        parked: {
            total: report.parked.total,
            items: report.parked.items.map(({ conversationId, ...item }) => ({ ...item, room: conversationId })),
        },
        problems: report.problems.map((problem) => describeProblem(problem, '', en)),
        alerts: report.alerts,
    };
}
