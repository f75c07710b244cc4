/**
 * Whether an error thrown by a livechat accessor is Rocket.Chat's error `code`. The engine
 * hands the app only the error's message: `Sorry, no online agents [no-agent-online]` for a
 * Meteor error, or the bare code (`error-no-agents-online-in-department`) for a plain one.
 */
export function rocketChatErrorIs(error: unknown, code: string): boolean {
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
    return message === code || message.includes(`[${code}]`) || message.split(/[\s:]+/).includes(code);
}

