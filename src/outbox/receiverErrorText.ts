import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { responseJson } from '../http/responseJson';

/** A receiver's own words for a refusal: the first text field among `fields` of its JSON answer (whatever its content type), else its body; cut short. */
export function receiverErrorText(response: IHttpResponse, fields: ReadonlyArray<string> = ['error', 'message']): string {
    const json = responseJson(response);
    const data = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
    const field = fields.map((name) => data?.[name]).find((value) => typeof value === 'string');
    return String(field ?? response.content ?? '').slice(0, 300);
}
