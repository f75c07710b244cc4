import { IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IJobContext } from '@rocket.chat/apps-engine/definition/scheduler';
import { LivechatGateway } from '../../livechat/LivechatGateway';
import { AppSettings } from '../../settings/AppSettings';
import { RapidProCallbackStore } from './RapidProCallbackStore';
import { SettingId } from '../../settings/SettingId';
import { fetchHistory, formatHistory } from './RapidProHistory';

export const HISTORY_JOB = 'rapidpro-history';

export interface HistoryJobData {
    roomId: string;
    contactUUID: string;
    contactName: string;
    after: string;
}

/** Copies the contact's recent RapidPro messages into the new room as one message by the app's bot. Never blocks the room. */
export async function runHistoryJob(context: IJobContext, appId: string, read: IRead, modify: IModify, http: IHttp, _persistence: IPersistence, logger: ILogger): Promise<void> {
    const data = context as unknown as HistoryJobData;
    try {
        const settings = AppSettings.from(read);
        const token = await settings.text(SettingId.RapidProApiToken);
        if (!token) {
            return;
        }
        const timeoutMs = (await settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000;
        const messages = await fetchHistory(http, new RapidProCallbackStore(read.getPersistenceReader(), settings), token, data.contactUUID, data.after, timeoutMs, logger);
        const livechat = new LivechatGateway(read, modify, appId);
        const room = await livechat.room(data.roomId);
        if (!room || messages.length === 0) {
            logger.debug(`rapidpro: no history to copy into room ${data.roomId}`);
            return;
        }
        await livechat.postAsBot(room, formatHistory(messages, data.contactName));
        logger.info(`rapidpro: copied ${messages.length} history messages into room ${data.roomId}`);
    } catch (error) {
        logger.warn(`rapidpro: could not copy history into room ${data.roomId}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
