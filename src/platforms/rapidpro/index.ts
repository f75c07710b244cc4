import { contextOf } from '../../context/contextOf';
import { defineSetting } from '../../settings/defineSetting';
import { Platform } from '../Platform';
import { checkRapidProConfiguration } from './checkRapidProConfiguration';
import { HISTORY_JOB, runHistoryJob } from './HistoryJob';
import { RapidProOutbound } from './RapidProOutbound';
import { RapidProSetting } from './RapidProSetting';
import { RapidProSettingsEndpoint } from './RapidProSettingsEndpoint';
import { RAPIDPRO_LABEL, RAPIDPRO_SOURCE } from './rapidProSource';
import { RoomCloseEndpoint } from './RoomCloseEndpoint';
import { RoomEndpoint } from './RoomEndpoint';
import { SecretCheckEndpoint } from './SecretCheckEndpoint';
import { VisitorMessageEndpoint } from './VisitorMessageEndpoint';

const SECTION = 'section_rapidpro';

/** RapidPro's ticketer: it calls the app's endpoints (App Secret); agents' replies and closes go to its callback URL. Always on. */
export const rapidpro: Platform = {
    source: RAPIDPRO_SOURCE,
    label: RAPIDPRO_LABEL,
    settings: [
        defineSetting(RapidProSetting.ApiToken, 'password', SECTION, ''),
        defineSetting(RapidProSetting.HistoryHours, 'number', SECTION, 6),
        defineSetting(RapidProSetting.CallbackUrl, 'string', SECTION, '', { hidden: true }),
    ],
    outbound: new RapidProOutbound(),
    endpoints: (app) => [
        new SecretCheckEndpoint(app),
        new RapidProSettingsEndpoint(app),
        new RoomEndpoint(app),
        new RoomCloseEndpoint(app),
        new VisitorMessageEndpoint(app),
    ],
    jobs: [{ id: HISTORY_JOB, run: async (app, job, read, modify, http, persistence) => runHistoryJob(job, contextOf(app, read, modify, http, persistence)) }],
    checkConfiguration: checkRapidProConfiguration,
};
