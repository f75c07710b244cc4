import { ServiceContext } from '../../conversations/ConversationService';
import { ConversationLinkStore } from '../../links/ConversationLinkStore';
import { ConversationLink } from '../../links/ConversationLink';
import { LivechatGateway } from '../../livechat/LivechatGateway';
import { rocketChatErrorIs } from '../../livechat/rocketChatErrorIs';
import { SettingId } from '../../settings/SettingId';

const CONNECTING_TEXT = 'Connecting you with a human agent…';
const NOBODY_AVAILABLE_TEXT = 'Sorry, no human agent is available right now. I will keep helping you here; ask again later to talk to a person.';

/**
 * Hands a UChat-served room to human agents: the visitor is told, the room is transferred
 * (by department id) to `uchat_handover_department`, and only once Rocket.Chat has taken it
 * is the link marked (nothing goes to UChat for this room any more). When Rocket.Chat
 * refuses (nobody online there, or the department is misconfigured) the visitor is told
 * and the bot keeps serving the room.
 */
export async function handOverToHumans(link: ConversationLink, context: ServiceContext, reason: string): Promise<void> {
    const links = new ConversationLinkStore(context.read.getPersistenceReader(), context.persistence);
    const livechat = new LivechatGateway(context.read, context.modify, context.appId);
    const current = (await links.byRoom(link.roomId)) ?? link;
    if (current.externalIds.handedOver === 'true') {
        return;
    }
    const room = await livechat.room(link.roomId);
    const visitor = await livechat.findVisitor(link.visitorToken);
    if (!room || !room.isOpen || !visitor) {
        return;
    }
    await livechat.postAsBot(room, CONNECTING_TEXT);
    const target = await context.settings.text(SettingId.UchatHandoverDepartment);
    const department = target ? await livechat.findDepartment(target) : undefined;
    if (!department) {
        context.logger.error(`uchat: room ${room.id} asked for a human (${reason}) but uchat_handover_department ${target ? `"${target}" is not a department` : 'is not set'}; the bot keeps serving it`);
        await livechat.postAsBot(room, NOBODY_AVAILABLE_TEXT);
        return;
    }
    let transferred = false;
    try {
        transferred = await livechat.transferToDepartment(room, visitor, department.id);
    } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        if (rocketChatErrorIs(error, 'error-no-agents-online-in-department')) {
            context.logger.info(`uchat: room ${room.id} asked for a human (${reason}) but nobody is online in ${department.name ?? department.id}; the bot keeps serving it`);
        } else {
            context.logger.error(`uchat: Rocket.Chat refused to transfer room ${room.id} to ${department.name ?? department.id} (${why}); the bot keeps serving it`);
        }
    }
    if (!transferred) {
        await livechat.postAsBot(room, NOBODY_AVAILABLE_TEXT);
        return;
    }
    await links.update({ ...current, externalIds: { ...current.externalIds, handedOver: 'true' } });
    context.logger.info(`uchat: room ${room.id} handed over to department ${department.name ?? department.id} (${reason})`);
}
