import { defineSetting } from '../../settings/defineSetting';
import { Platform } from '../Platform';
import { checkCloserConfiguration } from './checkCloserConfiguration';
import { CLOSER_LABEL, CLOSER_SOURCE, CloserInbound } from './CloserInbound';
import { CloserOutbound } from './CloserOutbound';
import { CloserSetting } from './CloserSetting';

const SECTION = 'section_closer';

/** CLOSER's webhook in; agents' replies and closes out through the customer's signed relay. */
export const closer: Platform = {
    source: CLOSER_SOURCE,
    label: CLOSER_LABEL,
    settings: [
        defineSetting(CloserSetting.Enabled, 'boolean', SECTION, false),
        defineSetting(CloserSetting.WebhookToken, 'password', SECTION, ''),
        defineSetting(CloserSetting.ReplyUrl, 'string', SECTION, ''),
        defineSetting(CloserSetting.ReplySecret, 'password', SECTION, ''),
        defineSetting(CloserSetting.Department, 'string', SECTION, ''),
        defineSetting(CloserSetting.MirrorOutsideHandover, 'boolean', SECTION, false),
    ],
    inbound: new CloserInbound(),
    outbound: new CloserOutbound(),
    checkConfiguration: checkCloserConfiguration,
};
