import { IModify } from '@rocket.chat/apps-engine/definition/accessors';

/** Scheduler processor ids of the outbox. */
export enum DeliveryJob {
    /** One-time: deliver one conversation's items now (after an enqueue) or at a retry time. */
    Conversation = 'outbox-deliver-conversation',
    /** Recurring safety net: every waiting item of every conversation (also re-arms work after a restart). */
    Sweep = 'outbox-sweep',
}

export const SWEEP_INTERVAL = '15 seconds';

export async function requestDelivery(modify: IModify, conversationId: string, when: Date = new Date()): Promise<void> {
    await modify.getScheduler().scheduleOnce({ id: DeliveryJob.Conversation, when, data: { conversationId } });
}
