import { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import { eachOf } from '../platforms/eachOf';
import { PLATFORMS } from '../platforms/registry';
import { defineSetting } from './defineSetting';
import { SettingId } from './SettingId';

/** Sections of the settings every platform shares; their ids are i18n keys (each platform has its own section). */
const GENERAL = 'section_general';
const DELIVERY = 'section_delivery';
const OPERATIONS = 'section_operations';

/** Every setting the app registers, in the order the admin sees them: general, each platform's, delivery, operations. */
export const SETTINGS: ReadonlyArray<ISetting> = [
    defineSetting(SettingId.AppSecret, 'password', GENERAL, ''),
    defineSetting(SettingId.DefaultDepartment, 'string', GENERAL, ''),
    ...eachOf(PLATFORMS, (platform) => platform.settings),
    defineSetting(SettingId.DeliveryTimeoutSeconds, 'number', DELIVERY, 15),
    defineSetting(SettingId.DeliveryMaxAgeHours, 'number', DELIVERY, 24),
    defineSetting(SettingId.DeliveryRetryBaseSeconds, 'number', DELIVERY, 2),
    defineSetting(SettingId.DeliveryRetryMaxSeconds, 'number', DELIVERY, 300),
    defineSetting(SettingId.FileLinkDays, 'number', DELIVERY, 30),
    defineSetting(SettingId.AlertRoom, 'string', OPERATIONS, ''),
    defineSetting(SettingId.MetricsToken, 'password', OPERATIONS, ''),
    defineSetting(SettingId.RetentionDays, 'number', OPERATIONS, 180),
];
