import { ILogger } from '@rocket.chat/apps-engine/definition/accessors';
import { ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';

import { LivechatGateway } from '../livechat/LivechatGateway';
import { rocketChatErrorIs } from '../livechat/rocketChatErrorIs';
import { AppSettings } from '../settings/AppSettings';
import { BOT_HANDOVER_TEXTS } from './botHandoverTexts';

/** What a handover of a bot-served room is about: the room, its visitor, where it goes and why. */
export interface HandoverRequest {
    source: string;
    room: ILivechatRoom;
    visitor: IVisitor;
    departmentSetting: string;
    reason: string;
}

/**
 * Tells the visitor a human is coming and transfers the room (by department id) to the
 * department in `departmentSetting`. When Rocket.Chat refuses (nobody online there, or the
 * department is misconfigured) the visitor is told and false comes back: the bot keeps serving.
 */
export async function transferToHumans(livechat: LivechatGateway, settings: AppSettings, logger: ILogger, { source, room, visitor, departmentSetting, reason }: HandoverRequest): Promise<boolean> {
    await livechat.postAsBot(room, BOT_HANDOVER_TEXTS.connecting);
    const target = await settings.text(departmentSetting);
    const department = target ? await livechat.findDepartment(target) : undefined;
    if (!department) {
        logger.error(`${source}: room ${room.id} asked for a human (${reason}) but ${departmentSetting} ${target ? `"${target}" is not a department` : 'is not set'}; the bot keeps serving it`);
        await livechat.postAsBot(room, BOT_HANDOVER_TEXTS.nobodyAvailable);
        return false;
    }
    let transferred = false;
    try {
        transferred = await livechat.transferToDepartment(room, visitor, department.id);
    } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        if (rocketChatErrorIs(error, 'error-no-agents-online-in-department')) {
            logger.info(`${source}: room ${room.id} asked for a human (${reason}) but nobody is online in ${department.name ?? department.id}; the bot keeps serving it`);
        } else {
            logger.error(`${source}: Rocket.Chat refused to transfer room ${room.id} to ${department.name ?? department.id} (${why}); the bot keeps serving it`);
        }
    }
    if (!transferred) {
        await livechat.postAsBot(room, BOT_HANDOVER_TEXTS.nobodyAvailable);
        return false;
    }
    logger.info(`${source}: room ${room.id} handed over to department ${department.name ?? department.id} (${reason})`);
    return true;
}
