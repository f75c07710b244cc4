/**
 * Rocket.Chat throws `Meteor.Error(error, reason)` in many livechat paths; its message is
 * `"<reason> [<error>]"`, and that message is all an app sees (the engine passes only
 * `error.message` across to the app's runtime).
 */
export class MeteorError extends Error {
    constructor(public readonly error: string, public readonly reason?: string) {
        super(reason ? `${reason} [${error}]` : `[${error}]`);
        this.name = 'Meteor.Error';
    }
}
