/** What the visitor reads when a room served by a platform's bot is handed to human agents. */
export const BOT_HANDOVER_TEXTS = {
    connecting: 'Connecting you with a human agent…',
    nobodyAvailable: 'Sorry, no human agent is available right now. I will keep helping you here; ask again later to talk to a person.',
};
