import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { HttpError } from '../http/HttpError';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { RequestContext } from '../http/RequestContext';
import { metricFamilies } from '../metrics/metricFamilies';
import { PROMETHEUS_TEXT_TYPE, prometheusText } from '../metrics/prometheusText';
import { EndpointAuth } from '../security/EndpointAuth';
import { SettingId } from '../settings/SettingId';
import { APP_SOURCE } from '../stats/appSource';
import { RefusalStatsStore } from '../stats/RefusalStatsStore';
import { buildStatusReport } from '../status/buildStatusReport';

/**
 * `GET /metrics`: the status numbers and the refused requests in Prometheus' text format, for
 * `Authorization: Bearer <metrics_token>`; off (503) while metrics_token is empty. Every number
 * comes from app persistence, so every instance answers the same; its round trips do not grow
 * with the number of rooms.
 */
export class MetricsEndpoint extends JsonEndpoint {
    public readonly path = 'metrics';
    public readonly source = APP_SOURCE;
    protected readonly methods = ['get'] as const;
    protected readonly auth: EndpointAuth = { kind: 'bearer', setting: SettingId.MetricsToken };

    protected async beforeAuth({ settings }: RequestContext): Promise<IApiResponse | undefined> {
        if ((await settings.text(SettingId.MetricsToken)) === '') {
            throw HttpError.switchedOff(`metrics are off: set ${SettingId.MetricsToken} (Administration > Apps > Tickets) and send it as "Authorization: Bearer <${SettingId.MetricsToken}>"`);
        }
        return undefined;
    }

    protected async handle({ read, persistence, settings }: RequestContext): Promise<IApiResponse> {
        const [report, refusals] = await Promise.all([buildStatusReport(read, persistence, settings), new RefusalStatsStore(read.getPersistenceReader()).totals()]);
        const info = this.app.getInfo();
        const families = metricFamilies({ report, refusals, app: { version: info.version, requiredEngine: info.requiredApiVersion }, now: new Date() });
        return { status: 200, headers: { 'content-type': PROMETHEUS_TEXT_TYPE }, content: prometheusText(families) };
    }
}
