import { ServiceContext } from '../../conversations/ConversationService';
import { ConversationLinkStore } from '../../links/ConversationLinkStore';
import { ConversationLink } from '../../links/ConversationLink';
import { LivechatGateway } from '../../livechat/LivechatGateway';
import { SettingId } from '../../settings/SettingId';

/**
 * Hands a UChat-served room to human agents: the link is marked (nothing goes to UChat
 * for this room any more), the visitor is told, and the room is transferred to
 * `uchat_handover_department` (Rocket.Chat then routes it to a human; the bot no longer serves it).
 */
export async function handOverToHumans(link: ConversationLink, context: ServiceContext, reason: string): Promise<void> {
    const links = new ConversationLinkStore(context.read.getPersistenceReader(), context.persistence);
    const livechat = new LivechatGateway(context.read, context.modify, context.appId);
    const current = (await links.byRoom(link.roomId)) ?? link;
    if (current.externalIds.handedOver === 'true') {
        return;
    }
    await links.update({ ...current, externalIds: { ...current.externalIds, handedOver: 'true' } });
    const room = await livechat.room(link.roomId);
    const visitor = await livechat.findVisitor(link.visitorToken);
    if (!room || !room.isOpen || !visitor) {
        return;
    }
    await livechat.postAsBot(room, 'Connecting you with a human agent…');
    const target = await context.settings.text(SettingId.UchatHandoverDepartment);
    const department = target ? await livechat.findDepartment(target) : undefined;
    if (!department) {
        context.logger.error(`uchat: room ${room.id} handed over (${reason}) but uchat_handover_department ${target ? `"${target}" is not a department` : 'is not set'}; the room stays where it is`);
        return;
    }
    await livechat.transferToDepartment(room, visitor, department.id);
    context.logger.info(`uchat: room ${room.id} handed over to department ${department.name ?? department.id} (${reason})`);
}
