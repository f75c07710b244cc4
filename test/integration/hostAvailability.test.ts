import { IVisitor } from '@rocket.chat/apps-engine/definition/livechat';

import { HostLivechatBridge } from '../host/bridges/HostLivechatBridge';
import { LocalRocketChat } from '../host/LocalRocketChat';

/**
 * The local Rocket.Chat's Omnichannel availability rules, as the real server has them
 * (rocketchat-server.md items 1, 3, 4 and 6). These run on the host's Omnichannel alone:
 * the app's side of the same rules is in the RapidPro and bridge suites.
 */
describe('the local Rocket.Chat: agents online, departments, transfers', () => {
    let host: LocalRocketChat;
    let counter = 0;

    beforeEach(() => {
        host = new LocalRocketChat();
    });
    afterEach(() => host.stop());

    function visitor(department?: string): IVisitor {
        counter += 1;
        return host.livechat.upsertVisitor({ token: `availability-${counter}`, username: `guest-a${counter}`, name: `Visitor ${counter}`, department });
    }

    describe('new rooms (QueueManager.requestRoom)', () => {
        it('refuses a room when nobody is online, with the error Rocket.Chat throws', () => {
            const sales = host.livechat.createDepartment('Sales');
            const agent = host.livechat.addAgent('seller', [sales.id], false);
            expect(() => host.livechat.createRoom(visitor(sales.id), undefined, undefined)).toThrow('Sorry, no online agents [no-agent-online]');
            expect(() => host.livechat.createRoom(visitor(), undefined, undefined)).toThrow('[no-agent-online]');
            expect(() => host.livechat.createRoom(visitor(), agent, undefined)).toThrow('[no-agent-online]');
            expect(host.store.rooms.size).toBe(0);
        });

        it('refuses a room in a department whose agents are all away, even when another department has agents online', () => {
            const night = host.livechat.createDepartment('Night');
            host.livechat.addAgent('owl', [night.id], false);
            const day = host.livechat.createDepartment('Day');
            host.livechat.addAgent('lark', [day.id], true);
            expect(() => host.livechat.createRoom(visitor(night.id), undefined, undefined)).toThrow('[no-agent-online]');
            expect(host.livechat.createRoom(visitor(day.id), undefined, undefined).servedBy?.username).toBe('lark');
        });

        it('queues the room (no agent) when Livechat_accept_chats_with_no_agents is on', () => {
            const sales = host.livechat.createDepartment('Sales');
            host.livechat.addAgent('seller', [sales.id], false);
            host.setServerSetting('Livechat_accept_chats_with_no_agents', true);
            const room = host.livechat.createRoom(visitor(sales.id), undefined, undefined);
            expect(room.isOpen).toBe(true);
            expect(room.servedBy).toBeUndefined();
            expect(room.department?.id).toBe(sales.id);
            const anywhere = host.livechat.createRoom(visitor(), undefined, undefined);
            expect(anywhere.servedBy).toBeUndefined();
        });

        it('puts a room without a department in the first enabled department shown on registration that has an agent online', () => {
            const closed = host.livechat.createDepartment('Closed');
            host.livechat.addAgent('away', [closed.id], false);
            const hidden = host.livechat.createDepartment('Hidden');
            host.store.departments.get(hidden.id)!.showOnRegistration = false;
            host.livechat.addAgent('hider', [hidden.id], true);
            const off = host.livechat.createDepartment('Off');
            host.store.departments.get(off.id)!.enabled = false;
            host.livechat.addAgent('sleeper', [off.id], true);
            const open = host.livechat.createDepartment('Open');
            host.livechat.addAgent('worker', [open.id], true);
            const room = host.livechat.createRoom(visitor(), undefined, undefined);
            expect(room.department?.name).toBe('Open');
            expect(room.servedBy?.username).toBe('worker');
        });

        it('answers the livechat bridge\'s isOnline like Livechat.online: true while chats with no agents are accepted', () => {
            const sales = host.livechat.createDepartment('Sales');
            const seller = host.livechat.addAgent('seller', [sales.id], false);
            const bridge = new HostLivechatBridge(host.store, host.livechat) as unknown as { isOnline(department?: string): boolean };
            expect(bridge.isOnline(sales.id)).toBe(false);
            host.setServerSetting('Livechat_accept_chats_with_no_agents', true);
            expect(bridge.isOnline(sales.id)).toBe(true);
            host.setServerSetting('Livechat_accept_chats_with_no_agents', false);
            host.livechat.setAgentAvailable(seller.id, true);
            expect(bridge.isOnline(sales.id)).toBe(true);
        });

        it('lets a visitor have several open rooms', () => {
            const support = host.livechat.createDepartment('Support');
            host.livechat.addAgent('agent', [support.id], true);
            const guest = visitor(support.id);
            const first = host.livechat.createRoom(guest, undefined, undefined);
            const second = host.livechat.createRoom(guest, undefined, undefined);
            expect(first.id).not.toBe(second.id);
            expect(host.store.openRoomsOfVisitor(guest.token).map((room) => room.id)).toEqual([first.id, second.id]);
        });
    });

    describe('transfers (LivechatTyped.transfer, Helper.ts forwardRoomToDepartment)', () => {
        function servedRoom() {
            const support = host.livechat.createDepartment('Support');
            host.livechat.addAgent('agent', [support.id], true);
            const humans = host.livechat.createDepartment('Humans');
            const human = host.livechat.addAgent('human', [humans.id], true);
            const room = host.livechat.createRoom(visitor(support.id), undefined, undefined);
            return { room, support, humans, human };
        }

        it('moves a room to a department given by id and routes it to an agent there', () => {
            const { room, humans } = servedRoom();
            expect(host.livechat.transfer(room.id, { departmentId: humans.id }, undefined)).toBe(true);
            expect(room.department?.id).toBe(humans.id);
            expect(room.servedBy?.username).toBe('human');
            expect(host.store.roomMessages(room.id).map((message) => message.type)).toContain('livechat_transfer_history');
        });

        it('throws for a department name, the same department, or a department with nobody online; the room stays as it was', () => {
            const { room, support, human } = servedRoom();
            expect(() => host.livechat.transfer(room.id, { departmentId: 'Humans' }, undefined)).toThrow('error-invalid-department');
            expect(() => host.livechat.transfer(room.id, { departmentId: support.id }, undefined)).toThrow('error-forwarding-chat-same-department');
            host.livechat.setAgentAvailable(human.id, false);
            expect(() => host.livechat.transfer(room.id, { departmentId: host.store.departmentByIdOrName('Humans')!.id }, undefined)).toThrow('error-no-agents-online-in-department');
            expect(room.department?.id).toBe(support.id);
            expect(room.servedBy?.username).toBe('agent');
            expect(host.store.roomMessages(room.id).filter((message) => message.type === 'livechat_transfer_history')).toHaveLength(0);
        });

        it('queues the room in a department with nobody online when Livechat_accept_chats_with_no_agents is on', () => {
            const { room, humans, human } = servedRoom();
            host.livechat.setAgentAvailable(human.id, false);
            host.setServerSetting('Livechat_accept_chats_with_no_agents', true);
            expect(host.livechat.transfer(room.id, { departmentId: humans.id }, undefined)).toBe(true);
            expect(room.department?.id).toBe(humans.id);
            expect(room.servedBy).toBeUndefined();
            expect(host.livechat.subscribers(room.id)).toEqual([]);
        });

        it('answers false for a room that is not open', () => {
            const { room, humans } = servedRoom();
            host.closeAsAgent(room.id, 'agent');
            expect(host.livechat.transfer(room.id, { departmentId: humans.id }, undefined)).toBe(false);
        });
    });
});
