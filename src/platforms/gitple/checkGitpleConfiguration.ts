import { SettingId } from '../../settings/SettingId';
import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { GitpleSetting } from './GitpleSetting';

/** Gitple: the Event API secret to take its events; the Open API secret and URL to read end users' lines and send replies. */
export async function checkGitpleConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(GitpleSetting.EventSecret, 'calls-refused');
    await check.requires(GitpleSetting.ApiSecret, 'messages-not-read');
    await check.requires(GitpleSetting.ApiUrl, 'messages-not-read');
    await check.department(GitpleSetting.Department, { fallback: SettingId.DefaultDepartment });
}
