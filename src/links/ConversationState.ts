import { ConversationLink } from './ConversationLink';

/** A choice a bot offered (a button), which the visitor may click or answer by its number. */
export interface Choice {
    title: string;
    payload: string;
}

/** What the app remembers about a conversation besides the platform's ids. */
export interface ConversationState {
    /** Human agents took the room over from the platform's bot: nothing goes to the bot any more. */
    handedOver?: boolean;
    /** The choices the bot offered last. */
    choices?: Array<Choice>;
}

/** The link's state; links written before it had a field of its own kept it among the external ids. */
export function conversationState(link: ConversationLink): ConversationState {
    if (link.state) {
        return link.state;
    }
    const { handedOver, choices } = link.externalIds;
    const state: ConversationState = {};
    if (handedOver === 'true') {
        state.handedOver = true;
    }
    if (choices) {
        try {
            state.choices = JSON.parse(choices) as Array<Choice>;
        } catch {
            // An unreadable list is as good as none.
        }
    }
    return state;
}
