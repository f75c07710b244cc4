import { Choice } from '../../links/ConversationState';

/** The `uchat_handover_payloads` setting as a list of lower-case words. */
export function handoverWords(setting: string): Array<string> {
    return setting.split(',').map((word) => word.trim().toLowerCase()).filter((word) => word !== '');
}

/** Whether a text or a clicked button's payload asks for a human. */
export function asksForHuman(words: ReadonlyArray<string>, text: string, payload?: string): boolean {
    const said = text.trim().toLowerCase();
    return words.includes(said) || (payload !== undefined && words.includes(payload.trim().toLowerCase()));
}

/** The button the visitor chose by clicking it (its title comes back as text) or by typing its number. */
export function chosenButton(text: string, choices: ReadonlyArray<Choice>): Choice | undefined {
    const said = text.trim();
    const number = /^\d{1,2}$/.test(said) ? Number(said) : NaN;
    if (number >= 1 && number <= choices.length) {
        return choices[number - 1];
    }
    return choices.find((choice) => choice.title.trim().toLowerCase() === said.toLowerCase());
}
