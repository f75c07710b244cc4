/** Rocket.Chat already has a message under the id the app asked for: another instance (or an earlier delivery of the same event) posted it. */
export class DuplicateMessageError extends Error {
    constructor(public readonly messageId: string, public readonly roomId: string) {
        super(`message ${messageId} exists already (room ${roomId})`);
    }
}
