import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

/** A receiver's own words for a refusal: the first text field among `fields` of its JSON answer, else its body; cut short. */
export function receiverErrorText(response: IHttpResponse, fields: ReadonlyArray<string> = ['error', 'message']): string {
    const data = response.data as Record<string, unknown> | undefined;
    const field = fields.map((name) => data?.[name]).find((value) => typeof value === 'string');
    return String(field ?? response.content ?? '').slice(0, 300);
}
