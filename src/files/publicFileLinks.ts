import { AppContext } from '../context/AppContext';
import { installationSecret } from '../identity/InstallationSecret';
import { AgentReply } from '../outbound/AgentReply';
import { AppSettings } from '../settings/AppSettings';
import { SettingId } from '../settings/SettingId';
import { signedFileUrl } from './signedFileUrl';

const DEFAULT_FILE_LINK_DAYS = 30;
const MAX_FILE_LINK_DAYS = 365;

/** The app's context, with the server's Site_Url already read. */
export type FileLinkContext = Pick<AppContext, 'read' | 'persistence' | 'appId'> & { readonly siteUrl: string };

/** How long signed links stay valid: `file_link_days` (1–365; anything else → 30). */
async function fileLinkDays(settings: AppSettings): Promise<number> {
    const days = await settings.count(SettingId.FileLinkDays, DEFAULT_FILE_LINK_DAYS);
    return days >= 1 && days <= MAX_FILE_LINK_DAYS ? days : DEFAULT_FILE_LINK_DAYS;
}

/**
 * The reply with every file uploaded to this Rocket.Chat as a signed, expiring link to the
 * app's `file` endpoint, which platforms can open without Rocket.Chat credentials (uploads are
 * protected by default). Other links are kept. No reads at all when there is no upload.
 */
export async function withPublicFileLinks(reply: AgentReply, context: FileLinkContext, now = new Date()): Promise<AgentReply> {
    if (!reply.attachments.some((file) => file.uploadId)) {
        return reply;
    }
    const [secret, days] = await Promise.all([
        installationSecret.get(context.read.getPersistenceReader(), context.persistence),
        fileLinkDays(AppSettings.from(context.read)),
    ]);
    const expiresAt = Math.floor(now.getTime() / 1000) + Math.round(days * 86400);
    return {
        ...reply,
        attachments: reply.attachments.map((file) => (file.uploadId
            ? { ...file, url: signedFileUrl(context.siteUrl, context.appId, secret, file.uploadId, file.name, expiresAt) }
            : file)),
    };
}
