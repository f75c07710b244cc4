import { ConfigurationCheck } from '../../status/ConfigurationCheck';
import { SettingId } from '../../settings/SettingId';

/** Gitple: the Event API secret to take its events; the Open API secret and URL to read end users' lines and send replies. */
export async function checkGitpleConfiguration(check: ConfigurationCheck): Promise<void> {
    await check.requires(SettingId.GitpleEventSecret, 'calls-refused');
    await check.requires(SettingId.GitpleApiSecret, 'messages-not-read');
    await check.requires(SettingId.GitpleApiUrl, 'messages-not-read');
    await check.department(SettingId.GitpleDepartment, { fallback: SettingId.DefaultDepartment });
}
