import { IJobContext } from '@rocket.chat/apps-engine/definition/scheduler';

import { AppContext } from '../../context/AppContext';
import { ConversationService } from '../../conversations/ConversationService';
import { SettingId } from '../../settings/SettingId';
import { RapidProCallbackStore } from './RapidProCallbackStore';
import { fetchHistory, formatHistory } from './RapidProHistory';
import { RapidProSetting } from './RapidProSetting';

export const HISTORY_JOB = 'rapidpro-history';

export interface HistoryJobData {
    roomId: string;
    contactUUID: string;
    contactName: string;
    after: string;
}

/** Copies the contact's recent RapidPro messages into the new room as one message by the app's bot. Never blocks the room. */
export async function runHistoryJob(job: IJobContext, context: AppContext): Promise<void> {
    const data = job as unknown as HistoryJobData;
    const { read, http, settings, logger } = context;
    try {
        const token = await settings.text(RapidProSetting.ApiToken);
        if (!token) {
            return;
        }
        const timeoutMs = (await settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000;
        const messages = await fetchHistory(http, new RapidProCallbackStore(read.getPersistenceReader(), settings), token, data.contactUUID, data.after, timeoutMs, logger);
        if (messages.length === 0 || !(await new ConversationService(context).postNote(data.roomId, formatHistory(messages, data.contactName)))) {
            logger.debug(`rapidpro: no history to copy into room ${data.roomId}`);
            return;
        }
        logger.info(`rapidpro: copied ${messages.length} history messages into room ${data.roomId}`);
    } catch (error) {
        logger.warn(`rapidpro: could not copy history into room ${data.roomId}: ${error instanceof Error ? error.message : String(error)}`);
    }
}
