import { appLogView, LOG_LEVELS, LOG_TEXT_LIMIT } from './appLogView';
import { HostApiContext } from './HostApiContext';
import { queryChoice, queryCount } from './hostInput';
import { answer, HostRoute } from './HostRoute';

/** The app's logs, as Administration > Apps > Tickets > Logs shows them. */
export function logRoutes(context: HostApiContext): Array<HostRoute> {
    return [{
        method: 'GET', path: '/host/logs',
        summary: `the app's log lines, oldest first, each with its time; ?level=debug|info|warn|error (that level and above; default debug), ?limit=<newest n> (default 1000); texts over ${LOG_TEXT_LIMIT} characters are cut`,
        handle: ({ query }) => {
            const level = queryChoice(query, 'level', LOG_LEVELS) ?? 'debug';
            const limit = queryCount(query, 'limit', 1000, 100000);
            return answer(200, appLogView(context.host.logs.entries, context.appId(), level, limit));
        },
    }];
}
