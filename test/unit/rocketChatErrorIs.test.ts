import { rocketChatErrorIs } from '../../src/livechat/rocketChatErrorIs';

describe('rocketChatErrorIs', () => {
    it('recognises a Meteor error by the code in brackets, as the engine hands it to the app', () => {
        expect(rocketChatErrorIs(new Error('Sorry, no online agents [no-agent-online]'), 'no-agent-online')).toBe(true);
        expect(rocketChatErrorIs('Sorry, no online agents [no-agent-online]', 'no-agent-online')).toBe(true);
    });

    it('recognises a plain error whose message is the code, with or without a prefix', () => {
        expect(rocketChatErrorIs(new Error('error-no-agents-online-in-department'), 'error-no-agents-online-in-department')).toBe(true);
        expect(rocketChatErrorIs(new Error('Error: error-invalid-department'), 'error-invalid-department')).toBe(true);
    });

    it('does not mistake another code, a longer code or an unrelated value for it', () => {
        expect(rocketChatErrorIs(new Error('error-invalid-department'), 'error-invalid')).toBe(false);
        expect(rocketChatErrorIs(new Error('Sorry, no online agents [no-agent-online]'), 'error-no-agents-online-in-department')).toBe(false);
        expect(rocketChatErrorIs(undefined, 'no-agent-online')).toBe(false);
        expect(rocketChatErrorIs({ message: 'no-agent-online' }, 'no-agent-online')).toBe(false);
    });
});
