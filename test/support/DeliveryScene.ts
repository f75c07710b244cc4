import { ILivechatRoom } from '@rocket.chat/apps-engine/definition/livechat';

import { RecordedRequest } from '../fakes/RecordingServer';
import { BridgeWorld } from './BridgeWorld';
import { RapidProWorld } from './RapidProWorld';
import { waitFor } from './waitFor';

/** Whether a recorded request is a Chatday send to `chatId`. */
export const sendsTo = (chatId: string) => (request: RecordedRequest): boolean => request.path === '/send' && String(request.body?.chat_id) === chatId;

/**
 * Rooms of RapidPro tickets and Chatday chats for delivery suites, and what their receivers
 * got: each suite gives its own ticket prefix, contact numbers and chat ids so suites never meet.
 * Its members are arrow functions, so a suite can take them apart and call them by name.
 */
export class DeliveryScene {
    private ticket = 0;

    constructor(private readonly world: RapidProWorld, private readonly chatdaySignature: string, private readonly prefix: string, private readonly contactBase: number, private chat: number) {}

    /** The texts (or event types) RapidPro received for a ticket, in order. */
    public readonly rapidproDelivered = (ticketID: string): Array<string> => {
        return this.world.rapidpro.delivered().filter((request) => request.body?.ticketID === ticketID).map((request) => request.body.data?.text ?? request.body.type);
    };

    /** The texts Chatday received for a chat, in order. */
    public readonly chatdayDelivered = (chatId: string): Array<string> => {
        return this.world.platform.delivered('/send').filter(sendsTo(chatId)).map((request) => request.body.message.data);
    };

    public readonly rapidproRoom = async (): Promise<{ ticketID: string; room: string }> => {
        this.ticket += 1;
        const ticketID = `${this.prefix}-${this.ticket}`;
        return { ticketID, room: await this.world.openTicket(ticketID, String(this.contactBase + this.ticket)) };
    };

    public readonly chatdayRoom = async (): Promise<{ chatId: string; room: ILivechatRoom }> => {
        this.chat += 1;
        const chatId = String(this.chat);
        const answer = await this.world.request('POST', 'chatday', { headers: { 'X-Chatday-Signature-Token': this.chatdaySignature }, body: { message: { id: `m-${chatId}`, type: 'text', data: 'hello' }, chat_id: Number(chatId) } });
        if (answer.status !== 200) {
            throw new Error(`chatday answered ${answer.status}: ${answer.text}`);
        }
        return { chatId, room: await waitFor(`the room of chat ${chatId}`, () => this.world.openRoomOf(`chatday:${chatId}`)) };
    };
}


/**
 * Switches Chatday on against the world's fake platform: its register endpoint answers with
 * `signature`, which the app stores through its registration. Resolves once it is stored.
 */
export async function connectChatday(world: BridgeWorld, token: string, signature: string, extra: Record<string, unknown> = {}): Promise<void> {
    world.platform.route('/register', () => ({ status: 200, body: { status: 'SUCCESS', data: { signature_token: signature } } }));
    await world.settings({
        chatday_enabled: true,
        chatday_register_url: `${world.platform.origin}/register`,
        chatday_send_url: `${world.platform.origin}/send`,
        chatday_token: token,
        ...extra,
    });
    await waitFor('the Chatday signature token', async () => (await world.host.settingValue(world.appId, 'chatday_signature_token')) === signature);
}
