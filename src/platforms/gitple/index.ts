import { defineSetting } from '../../settings/defineSetting';
import { Platform } from '../Platform';
import { checkGitpleConfiguration } from './checkGitpleConfiguration';
import { GITPLE_LABEL, GITPLE_SOURCE, GitpleInbound } from './GitpleInbound';
import { GitpleOutbound } from './GitpleOutbound';
import { GitpleSetting } from './GitpleSetting';

const SECTION = 'section_gitple';

/** Gitple's Event API in, its chat hooks out. */
export const gitple: Platform = {
    source: GITPLE_SOURCE,
    label: GITPLE_LABEL,
    settings: [
        defineSetting(GitpleSetting.Enabled, 'boolean', SECTION, false),
        defineSetting(GitpleSetting.EventSecret, 'password', SECTION, ''),
        defineSetting(GitpleSetting.AppCode, 'string', SECTION, ''),
        defineSetting(GitpleSetting.ApiSecret, 'password', SECTION, ''),
        defineSetting(GitpleSetting.ApiUrl, 'string', SECTION, 'https://api.gitple.io'),
        defineSetting(GitpleSetting.Department, 'string', SECTION, ''),
    ],
    inbound: new GitpleInbound(),
    outbound: new GitpleOutbound(),
    checkConfiguration: checkGitpleConfiguration,
};
