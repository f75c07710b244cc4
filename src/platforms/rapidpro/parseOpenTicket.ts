import { HttpError } from '../../http/HttpError';
import { bodyObject, firstSpelling, optionalObject, optionalStringMap, optionalText, requiredText } from '../../validation/fields';
import { OpenTicketRequest } from './types';

/** ISO 8601 date and time as RapidPro sends it (`2019-10-07T15:20:30Z`), or as the older client sends it (`2020-07-17 10:28`). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** `/room`: both RapidPro clients' spellings (ticketID/ticketId, contactUUID/contactUuid, department/deparment). */
export function parseOpenTicket(body: unknown): OpenTicketRequest {
    const root = bodyObject(body);
    const visitor = optionalObject(root, 'visitor', 'visitor');
    if (!visitor) {
        throw HttpError.badRequest('"visitor" is required (an object with at least "token")');
    }
    const ticketKey = firstSpelling(root, ['ticketID', 'ticketId']);
    const uuidKey = firstSpelling(visitor, ['contactUUID', 'contactUuid']);
    const departmentKey = firstSpelling(visitor, ['department', 'deparment']);
    const sessionStart = optionalText(root, 'sessionStart', 'sessionStart', 64);
    if (sessionStart !== undefined && (!DATE_TIME.test(sessionStart) || Number.isNaN(Date.parse(sessionStart)))) {
        throw HttpError.badRequest('"sessionStart" must be a date and time, e.g. 2019-10-07T15:20:30Z');
    }
    const ticket: OpenTicketRequest = {
        ticketID: requiredText(root, ticketKey, 'ticketID', 100),
        visitor: {
            token: requiredText(visitor, 'token', 'visitor.token', 100),
            contactUUID: optionalText(visitor, uuidKey, `visitor.${uuidKey}`, 100),
            name: optionalText(visitor, 'name', 'visitor.name'),
            email: optionalText(visitor, 'email', 'visitor.email'),
            phone: optionalText(visitor, 'phone', 'visitor.phone', 100),
            department: optionalText(visitor, departmentKey, `visitor.${departmentKey}`),
            customFields: optionalStringMap(visitor, 'customFields', 'visitor.customFields') ?? {},
        },
        sessionStart,
    };
    // RapidPro's clients send a ticket priority; Rocket.Chat gives an app no room priority to
    // set, so it is checked (text, as sent) and not kept.
    optionalText(root, 'priority', 'priority', 100);
    return ticket;
}
