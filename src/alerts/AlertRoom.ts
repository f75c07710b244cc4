import { IModify, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';

/** The room `alert_room` names, or why there is none to post in. */
export type AlertRoomLookup = { room: IRoom } | { problem: 'missing' | 'not-a-channel' };

/** `alert_room` as a room name: people often write a channel as `#alerts`. */
export function alertRoomName(setting: string): string {
    return setting.trim().replace(/^#/, '').trim();
}

/**
 * The room the app's bot user posts alerts in: a channel or a private group, by name.
 * Rocket.Chat lets an app's user post in any room of those kinds without being a member
 * (canSendMessage skips the access check for app users); it still refuses a post in an archived
 * or read-only room, or by a muted user, and the app is told why.
 */
export class AlertRoom {
    constructor(private readonly read: IRead, private readonly modify: IModify, private readonly appId: string) {}

    /** The room by name (one round trip), if alerts can be posted there. */
    public static async find(read: IRead, name: string): Promise<AlertRoomLookup> {
        const room = await read.getRoomReader().getByName(name);
        if (!room) {
            return { problem: 'missing' };
        }
        return room.type === RoomType.CHANNEL || room.type === RoomType.PRIVATE_GROUP ? { room } : { problem: 'not-a-channel' };
    }

    /** Posts `text` as the app's bot user; undefined once posted, else Rocket.Chat's refusal in its own words. */
    public async post(room: IRoom, text: string): Promise<string | undefined> {
        const bot = await this.read.getUserReader().getAppUser(this.appId);
        if (!bot) {
            return 'the app user is missing: reinstall the app';
        }
        const creator = this.modify.getCreator();
        try {
            await creator.finish(creator.startMessage().setSender(bot).setRoom(room).setText(text).setGroupable(false));
            return undefined;
        } catch (error) {
            return (error instanceof Error ? error.message : String(error)).slice(0, 300);
        }
    }
}
