import { RecordedRequest } from '../fakes/RecordingServer';
import { BridgeWorld } from './BridgeWorld';
import { HttpAnswer } from './http';
import { waitFor } from './waitFor';

/** How the shared contract drives one bridged platform. */
export interface BridgeDriver {
    /** Switches the bridge on and points it at `world.platform`. */
    configure(world: BridgeWorld): Promise<void>;
    /** The setting that switches it off. */
    enabledSetting: string;
    /** Makes the platform's conversation have an open room (e.g. a handover request); by default an end-user message. */
    openConversation?(world: BridgeWorld, conversation: string): Promise<void>;
    /** A genuine request carrying an end-user message with the platform's message id `id`. */
    userMessage(world: BridgeWorld, conversation: string, text: string, id: string): Promise<HttpAnswer>;
    /** The same request with wrong or missing credentials. */
    forgedUserMessage(world: BridgeWorld, conversation: string, text: string, id: string): Promise<HttpAnswer>;
    /** The platform's own key for the conversation's end user (`<platform>:…`; UChat: the widget visitor's token). */
    visitorToken(conversation: string): string;
    /** The text of an agent reply as the platform received it, if the request is one for `conversation`. */
    replyText(request: RecordedRequest, conversation: string): string | undefined;
    /** Whether the request tells the platform that `conversation`'s room was closed. */
    isCloseNotice(request: RecordedRequest, conversation: string): boolean;
    /** Whether the platform request is about `conversation` at all (a reply, a close, anything). */
    concerns(request: RecordedRequest, conversation: string): boolean;
    /** Whether the platform can hear about closes at all. */
    acceptsCloses: boolean;
    /** The platform ends the conversation; undefined when the platform has no such event. */
    closeFromPlatform?(world: BridgeWorld, conversation: string): Promise<void>;
    successStatus: number;
}

/**
 * The contract every bridge passes: credentials checked before anything changes, own
 * messages never echoed, visitor token and conversation round-trip, duplicates ignored,
 * closes both ways, disabled means 503.
 */
export function bridgeContract(name: string, world: BridgeWorld, driver: BridgeDriver): void {
    let counter = 0;
    const conversation = () => `${name.toLowerCase()}-contract-${++counter}-${Date.now().toString(36)}`;
    const open = async (id: string) => {
        if (driver.openConversation) {
            await driver.openConversation(world, id);
        } else {
            expect((await driver.userMessage(world, id, 'hello', `${id}-m0`)).status).toBe(driver.successStatus);
        }
        return waitFor('the room', () => world.openRoomOf(driver.visitorToken(id)));
    };
    /** Every request that reached the platform (whatever it answered): nothing is hidden from "never sent" checks. */
    const reached = () => world.platform.attempts.map((attempt) => attempt.request);
    const replies = (id: string) => reached().map((request) => driver.replyText(request, id)).filter((text) => text !== undefined);
    const sentAbout = (id: string) => reached().filter((request) => driver.concerns(request, id)).length;

    describe(`${name}: the bridge contract`, () => {
        beforeAll(() => driver.configure(world));

        it('refuses wrong or missing credentials with 401 JSON and changes nothing', async () => {
            const id = conversation();
            const before = world.totalMessages();
            const answer = await driver.forgedUserMessage(world, id, 'forged', `${id}-x`);
            expect(answer.status).toBe(401);
            expect(typeof answer.json?.error).toBe('string');
            expect(world.roomsOf(driver.visitorToken(id))).toHaveLength(0);
            expect(world.totalMessages()).toBe(before);
        });

        it('posts the end user\'s message in a room of the end user\'s visitor, and sends the agent\'s reply back to the same conversation', async () => {
            const id = conversation();
            const room = await open(id);
            expect(world.roomsOf(driver.visitorToken(id)).map((candidate) => candidate.id)).toEqual([room.id]);
            // The platform's id for the end user never becomes the visitor's token (Rocket.Chat's widget API trusts tokens).
            expect(room.visitor.token).not.toBe(driver.visitorToken(id));
            expect((await driver.userMessage(world, id, 'I need help with my order', `${id}-m1`)).status).toBe(driver.successStatus);
            expect(world.messages(room.id).some((message) => message.text === 'I need help with my order' && (message as { token?: string }).token === room.visitor.token)).toBe(true);
            world.host.agentMessage(room.id, 'agent', 'Happy to help');
            await waitFor('the reply at the platform', () => replies(id).includes('Happy to help'));
        });

        it('sends the shortnames Rocket.Chat\'s emoji picker inserts as emoji, skin tones included', async () => {
            const id = conversation();
            const room = await open(id);
            world.host.agentMessage(room.id, 'agent', ':thumbsup: :slight_smile: :man_technologist_tone2:');
            await waitFor('the reply at the platform', () => replies(id).length > 0);
            expect(replies(id)).toEqual(['👍 🙂 👨🏼\u200d💻']);
        });

        it('never echoes the visitor\'s messages or the app\'s own messages back to the platform', async () => {
            const id = conversation();
            const room = await open(id);
            await driver.userMessage(world, id, 'from the end user', `${id}-m1`);
            world.host.livechat.postMessage({ roomId: room.id, sender: world.host.appUser(world.appId)!, text: 'bot note' });
            world.host.agentMessage(room.id, 'agent', 'only this');
            await waitFor('the reply', () => replies(id).length > 0);
            await world.outboxIdle();
            expect(replies(id)).toEqual(['only this']);
        });

        it('recognises a repeated platform message id and posts it once', async () => {
            const id = conversation();
            const room = await open(id);
            const first = await driver.userMessage(world, id, 'only once please', `${id}-dup`);
            const again = await driver.userMessage(world, id, 'only once please', `${id}-dup`);
            expect(again.status).toBe(first.status);
            expect(again.json).toEqual(first.json);
            expect(world.messages(room.id).filter((message) => message.text === 'only once please')).toHaveLength(1);
        });

        it('tells the platform when the room is closed in Rocket.Chat (when it can hear it)', async () => {
            const id = conversation();
            const room = await open(id);
            const before = sentAbout(id);
            world.host.closeAsAgent(room.id, 'agent', 'done');
            await world.host.events.settle();
            if (driver.acceptsCloses) {
                await waitFor('the close notice', () => world.platform.received.some((request) => driver.isCloseNotice(request, id)));
            } else {
                await world.outboxIdle();
                expect(sentAbout(id)).toBe(before);
            }
        });

        it('closes the room when the platform ends the conversation, echoing nothing back', async () => {
            if (!driver.closeFromPlatform) {
                return;
            }
            const id = conversation();
            const room = await open(id);
            const before = sentAbout(id);
            await driver.closeFromPlatform(world, id);
            expect(world.host.store.rooms.get(room.id)?.isOpen).toBeUndefined();
            await world.outboxIdle();
            expect(sentAbout(id)).toBe(before);
            expect(reached().some((request) => driver.isCloseNotice(request, id))).toBe(false);
        });

        it('keeps what arrives while no agent is online (answered as usual, each id once) and posts it, in order, once a room can open', async () => {
            const id = conversation();
            const token = driver.visitorToken(id);
            const back = world.everyoneAway();
            try {
                if (driver.openConversation) {
                    await driver.openConversation(world, id);
                }
                for (const [text, messageId] of [['nobody online yet', 'k1'], ['still nobody', 'k2'], ['still nobody', 'k2']]) {
                    expect((await driver.userMessage(world, id, text, `${id}-${messageId}`)).status).toBe(driver.successStatus);
                }
                expect(world.roomsOf(token)).toHaveLength(0);
            } finally {
                back();
            }
            expect((await driver.userMessage(world, id, 'anyone there now?', `${id}-k3`)).status).toBe(driver.successStatus);
            const room = world.openRoomOf(token)!;
            const fromVisitor = world.messages(room.id).filter((message) => (message as { token?: string }).token === room.visitor.token).map((message) => message.text);
            expect(fromVisitor).toEqual(['nobody online yet', 'still nobody', 'anyone there now?']);
        });

        it('answers 503 JSON and changes nothing while switched off', async () => {
            const id = conversation();
            await world.host.setSetting(world.appId, driver.enabledSetting, false);
            const answer = await driver.userMessage(world, id, 'while off', `${id}-off`);
            await world.host.setSetting(world.appId, driver.enabledSetting, true);
            expect(answer.status).toBe(503);
            expect(answer.json.error).toContain(driver.enabledSetting);
            expect(world.roomsOf(driver.visitorToken(id))).toHaveLength(0);
        });
    });
}
