import { ILivechatMessage, ILivechatRoom, IVisitor } from '@rocket.chat/apps-engine/definition/livechat';
import { OmnichannelSourceType } from '@rocket.chat/apps-engine/definition/livechat/ILivechatRoom';
import { IUser } from '@rocket.chat/apps-engine/definition/users';

import { HostLivechatBridge } from '../host/bridges/HostLivechatBridge';
import { FrontDoor } from '../host/FrontDoor';
import { LocalRocketChat } from '../host/LocalRocketChat';
import { httpCall } from '../support/http';

/** The bridge's protected methods, as the engine calls them for an app. */
interface BridgeCalls {
    createAndReturnVisitor(visitor: IVisitor): Promise<IVisitor>;
    createMessage(message: Pick<ILivechatMessage, 'room' | 'visitor' | 'text'>, appId: string): Promise<string>;
    closeRoom(room: ILivechatRoom, comment: string, closer: IUser | undefined, appId: string): Promise<boolean>;
    setCustomFields(data: { token: string; key: string; value: string; overwrite: boolean }): Promise<number>;
    findRooms(visitor: IVisitor, departmentId: string | null): Promise<Array<ILivechatRoom>>;
}

const APP_SOURCE = { type: OmnichannelSourceType.APP, id: 'app', alias: 'app' } as ILivechatRoom['source'];

/** The local Rocket.Chat's Omnichannel rules, each as rocketchat-server.md states it (no engine needed for these). */
describe('the local Rocket.Chat: livechat as the real server does it', () => {
    const host = new LocalRocketChat();
    const bridge = new HostLivechatBridge(host.store, host.livechat) as unknown as BridgeCalls;
    const support = host.livechat.createDepartment('Support');
    host.livechat.addAgent('agent', [support.id], true);
    const register = (visitor: Partial<IVisitor> & { token: string }) => bridge.createAndReturnVisitor({ username: '', name: visitor.token, ...visitor } as IVisitor);
    const withPhone = (phoneNumber: string) => [{ phoneNumber }];
    const withEmail = (address: string) => [{ address }];

    afterAll(() => host.stop());

    describe('registerGuest (createVisitor, createAndReturnVisitor)', () => {
        it('updates the visitor that has the token', async () => {
            const first = await register({ token: 'rg-1', name: 'Ana' });
            const again = await register({ token: 'rg-1', name: 'Ana Souza', phone: withPhone('+5511900000001') });
            expect(again.id).toBe(first.id);
            expect(again.name).toBe('Ana Souza');
            expect(again.phone).toEqual(withPhone('+5511900000001'));
        });

        it('reuses a visitor with the same phone, which keeps its own token', async () => {
            const owner = await register({ token: 'rg-phone-owner', name: 'Owner', phone: withPhone('+5511900000002') });
            const other = await register({ token: 'rg-phone-other', name: 'Someone else', phone: withPhone('+5511900000002') });
            expect(other.id).toBe(owner.id);
            expect(other.token).toBe('rg-phone-owner');
            expect(other.name).toBe('Someone else');
            expect(host.store.visitorByToken('rg-phone-other')).toBeUndefined();
        });

        it('reuses a visitor with the same email (any case) and overwrites its token', async () => {
            const owner = await register({ token: 'rg-mail-owner', visitorEmails: withEmail('Owner@Example.com') });
            expect(owner.visitorEmails).toEqual(withEmail('owner@example.com'));
            const other = await register({ token: 'rg-mail-other', visitorEmails: withEmail('OWNER@example.com') });
            expect(other.id).toBe(owner.id);
            expect(other.token).toBe('rg-mail-other');
            expect(host.store.visitorByToken('rg-mail-owner')).toBeUndefined();
            expect(host.store.visitorByToken('rg-mail-other')?.id).toBe(owner.id);
        });

        it('matches the phone before the email', async () => {
            const byPhone = await register({ token: 'rg-order-phone', phone: withPhone('+5511900000003') });
            await register({ token: 'rg-order-mail', visitorEmails: withEmail('order@example.com') });
            const both = await register({ token: 'rg-order-new', phone: withPhone('+5511900000003'), visitorEmails: withEmail('order@example.com') });
            expect(both.id).toBe(byPhone.id);
            expect(both.token).toBe('rg-order-phone');
        });

        it('throws error-invalid-email for an address that fails Rocket.Chat\'s rule, and stores nothing', async () => {
            for (const address of ['not-an-email', 'a@b@c', '@']) {
                await expect(register({ token: `rg-bad-${address}`, visitorEmails: withEmail(address) })).rejects.toThrow('error-invalid-email');
                expect(host.store.visitorByToken(`rg-bad-${address}`)).toBeUndefined();
            }
        });

        it('throws error-invalid-department for a department that does not exist', async () => {
            await expect(register({ token: 'rg-dept', department: 'Nowhere' })).rejects.toThrow('error-invalid-department');
        });
    });

    it('allows any number of open rooms per visitor', async () => {
        const visitor = await register({ token: 'rooms-1', department: support.id });
        const first = host.livechat.createRoom(visitor, undefined, APP_SOURCE);
        const second = host.livechat.createRoom(visitor, undefined, APP_SOURCE);
        expect(first.isOpen && second.isOpen).toBe(true);
        expect((await bridge.findRooms(visitor, null)).map((room) => room.id).sort()).toEqual([first.id, second.id].sort());
    });

    describe('a visitor message created by an app (createMessage → getRoom)', () => {
        it('goes into the room while it is open', async () => {
            const visitor = await register({ token: 'msg-open', department: support.id });
            const room = host.livechat.createRoom(visitor, undefined, APP_SOURCE);
            const id = await bridge.createMessage({ room, visitor, text: 'hello' }, 'app');
            expect(host.store.roomMessages(room.id).map((message) => message.id)).toEqual([id]);
        });

        it('opens a new room for the visitor when the room is closed, and posts there', async () => {
            const visitor = await register({ token: 'msg-closed', department: support.id });
            const room = host.livechat.createRoom(visitor, undefined, APP_SOURCE);
            host.closeAsAgent(room.id, 'agent', 'bye');
            const id = await bridge.createMessage({ room, visitor, text: 'anyone there?' }, 'app');
            const rooms = host.store.roomsOfVisitor('msg-closed');
            expect(rooms).toHaveLength(2);
            const fresh = rooms.find((candidate) => candidate.id !== room.id)!;
            expect(fresh.isOpen).toBe(true);
            expect(host.store.roomMessages(fresh.id).map((message) => message.id)).toEqual([id]);
            expect(host.store.roomMessages(room.id).some((message) => message.text === 'anyone there?')).toBe(false);
        });

        it('refuses another visitor\'s room (cannot-access-room)', async () => {
            const owner = await register({ token: 'msg-owner', department: support.id });
            const intruder = await register({ token: 'msg-intruder', department: support.id });
            const room = host.livechat.createRoom(owner, undefined, APP_SOURCE);
            await expect(bridge.createMessage({ room, visitor: intruder, text: 'x' }, 'app')).rejects.toThrow('cannot-access-room');
        });
    });

    describe('custom fields (setCustomFields)', () => {
        it('refuses an undefined field and a value that fails the field\'s regexp; stores a matching one', async () => {
            const visitor = await register({ token: 'cf-1', department: support.id });
            host.livechat.createRoom(visitor, undefined, APP_SOURCE);
            host.livechat.defineCustomField('cpf', 'visitor', '^\\d{11}$');
            await expect(bridge.setCustomFields({ token: 'cf-1', key: 'undefinedField', value: 'x', overwrite: true })).rejects.toThrow('invalid-custom-field');
            await expect(bridge.setCustomFields({ token: 'cf-1', key: 'cpf', value: '123.456', overwrite: true })).rejects.toThrow('Invalid value for cpf field');
            expect(host.store.visitorByToken('cf-1')?.livechatData?.cpf).toBeUndefined();
            expect(await bridge.setCustomFields({ token: 'cf-1', key: 'cpf', value: '12345678901', overwrite: true })).toBe(1);
            expect(host.store.visitorByToken('cf-1')?.livechatData?.cpf).toBe('12345678901');
        });
    });

    describe('closing (closeRoom)', () => {
        it('unsets isOpen, records the app\'s user as closer, and stores a livechat-close message with the comment', async () => {
            const appUser = host.livechat.createUser({ username: 'some.app.bot', appId: 'some-app', roles: ['app'] });
            const visitor = await register({ token: 'close-1', department: support.id });
            const room = host.livechat.createRoom(visitor, undefined, APP_SOURCE);
            expect(await bridge.closeRoom(room, 'Closed by the app', appUser, 'some-app')).toBe(true);
            const closed = host.store.rooms.get(room.id)!;
            expect('isOpen' in closed).toBe(false);
            expect(closed.closer).toBe('user');
            expect(closed.closedBy?.id).toBe(appUser.id);
            const close = host.store.roomMessages(room.id).find((message) => message.type === 'livechat-close');
            expect(close?.text).toBe('Closed by the app');
            expect(close?.sender.id).toBe(appUser.id);
        });

        it('closes as the visitor when the app names no closer, and refuses a room already closed', async () => {
            const visitor = await register({ token: 'close-2', department: support.id });
            const room = host.livechat.createRoom(visitor, undefined, APP_SOURCE);
            await bridge.closeRoom(room, '', undefined, 'some-app');
            expect(host.store.rooms.get(room.id)?.closer).toBe('visitor');
            await expect(bridge.closeRoom(room, 'again', undefined, 'some-app')).rejects.toThrow('error-room-closed');
        });
    });

    describe('the public widget API (token is the only credential)', () => {
        let door: FrontDoor;
        let origin: string;

        beforeAll(async () => {
            door = new FrontDoor(host, () => 'no-app');
            origin = `http://127.0.0.1:${await door.listen(0)}`;
        });

        afterAll(() => door.close());

        it('answers a visitor\'s name, phone and email to whoever holds its token, and invalid-token otherwise', async () => {
            await register({ token: 'widget-1', name: 'Carla', phone: withPhone('+5511900000009') });
            const found = await httpCall(`${origin}/api/v1/livechat/visitor/widget-1`);
            expect(found.status).toBe(200);
            expect(found.json.visitor).toEqual(expect.objectContaining({ name: 'Carla', phone: withPhone('+5511900000009') }));
            const missing = await httpCall(`${origin}/api/v1/livechat/visitor/widget-2`);
            expect(missing.status).toBe(400);
            expect(missing.json).toEqual({ success: false, error: '[invalid-token]' });
        });

        it('hands anyone who registers with a visitor\'s phone that visitor, token included', async () => {
            const answer = await httpCall(`${origin}/api/v1/livechat/visitor`, { method: 'POST', body: { visitor: { token: 'attacker', phone: '+5511900000009' } } });
            expect(answer.status).toBe(200);
            expect(answer.json.visitor.token).toBe('widget-1');
        });
    });
});
