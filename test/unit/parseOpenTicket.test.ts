import { parseOpenTicket } from '../../src/platforms/rapidpro/parseOpenTicket';
import { badRequest } from '../support/badRequest';


describe('parseOpenTicket', () => {
    it('reads a full request in the ticketID / contactUUID / department spelling', () => {
        const parsed = parseOpenTicket({
            ticketID: 'T-1',
            visitor: {
                token: 'tok-1',
                contactUUID: 'c-uuid-1',
                name: 'Ana',
                email: 'ana@example.com',
                phone: '+5511999999999',
                department: 'Sales',
                customFields: { city: 'Recife' },
            },
            priority: 'high',
            sessionStart: '2019-10-07T15:20:30Z',
        });
        expect(parsed).toEqual({
            ticketID: 'T-1',
            visitor: {
                token: 'tok-1',
                contactUUID: 'c-uuid-1',
                name: 'Ana',
                email: 'ana@example.com',
                phone: '+5511999999999',
                department: 'Sales',
                customFields: { city: 'Recife' },
            },
            sessionStart: '2019-10-07T15:20:30Z',
        });
    });

    it('reads the ticketId / contactUuid / deparment spelling', () => {
        const parsed = parseOpenTicket({
            ticketId: 'T-2',
            visitor: { token: 'tok-2', contactUuid: 'c-uuid-2', deparment: 'Support' },
        });
        expect(parsed.ticketID).toBe('T-2');
        expect(parsed.visitor.contactUUID).toBe('c-uuid-2');
        expect(parsed.visitor.department).toBe('Support');
    });

    it('prefers the first spelling when both are present, and skips a null first spelling', () => {
        const both = parseOpenTicket({
            ticketID: 'upper',
            ticketId: 'lower',
            visitor: { token: 't', contactUUID: 'U1', contactUuid: 'U2', department: 'D1', deparment: 'D2' },
        });
        expect(both.ticketID).toBe('upper');
        expect(both.visitor.contactUUID).toBe('U1');
        expect(both.visitor.department).toBe('D1');

        const nullFirst = parseOpenTicket({
            ticketID: null,
            ticketId: 'lower',
            visitor: { token: 't', contactUUID: null, contactUuid: 'U2', department: null, deparment: 'D2' },
        });
        expect(nullFirst.ticketID).toBe('lower');
        expect(nullFirst.visitor.contactUUID).toBe('U2');
        expect(nullFirst.visitor.department).toBe('D2');
    });

    it('needs only ticketID and visitor.token; everything else is optional', () => {
        const parsed = parseOpenTicket({ ticketID: 'T-3', visitor: { token: 'tok-3' } });
        expect(parsed).toEqual({
            ticketID: 'T-3',
            visitor: {
                token: 'tok-3',
                contactUUID: undefined,
                name: undefined,
                email: undefined,
                phone: undefined,
                department: undefined,
                customFields: {},
            },
            sessionStart: undefined,
        });
    });

    it('trims name, email, phone, token and ticketID; blank optional fields become undefined', () => {
        const parsed = parseOpenTicket({
            ticketID: '  T-4  ',
            visitor: { token: '  tok-4 ', name: '  Ana Maria  ', email: '\tana@example.com\n', phone: ' 123 ', department: '   ' },
        });
        expect(parsed.ticketID).toBe('T-4');
        expect(parsed.visitor.token).toBe('tok-4');
        expect(parsed.visitor.name).toBe('Ana Maria');
        expect(parsed.visitor.email).toBe('ana@example.com');
        expect(parsed.visitor.phone).toBe('123');
        expect(parsed.visitor.department).toBeUndefined();
    });

    it('accepts a numeric token and a numeric ticketID as text', () => {
        const parsed = parseOpenTicket({ ticketID: 42, visitor: { token: 5511999999999 } });
        expect(parsed.ticketID).toBe('42');
        expect(parsed.visitor.token).toBe('5511999999999');
        expect(typeof parsed.visitor.token).toBe('string');
    });

    it('accepts a text priority and keeps nothing of it (Rocket.Chat has no room priority for apps)', () => {
        const parsed = parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, priority: ' urgent ' });
        expect(parsed).not.toHaveProperty('priority');
        expect(parsed.ticketID).toBe('T');
    });

    it('rejects a priority that is not text, or too long', () => {
        expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, priority: { level: 1 } })).message).toContain('priority');
        expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, priority: 'p'.repeat(101) })).message).toContain('priority');
    });

    describe('sessionStart', () => {
        it('accepts ISO date-times with and without offsets', () => {
            for (const value of ['2019-10-07T15:20:30Z', '2019-10-07T15:20:30.123Z', '2019-10-07T12:20:30-03:00']) {
                expect(parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, sessionStart: value }).sessionStart).toBe(value);
            }
        });

        it('rejects text that is not a date with a 400 naming sessionStart', () => {
            for (const value of ['not a date', 'yesterday', '2019-13-45T99:99:99Z']) {
                expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, sessionStart: value })).message).toContain('sessionStart');
            }
        });

        it('rejects a sessionStart that is not text', () => {
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, sessionStart: true })).message).toContain('sessionStart');
        });

        // Demonstrates a bug: Date.parse in V8 is lenient and reads "ticket 12", "12" or the
        // number 0 as dates in 2000/2001, so they pass validation (TicketOpener would then ask
        // RapidPro for history since 2001). These are not dates and should be refused.
        it('rejects non-dates that V8 Date.parse happens to accept ("ticket 12", "12", 0)', () => {
            for (const value of ['ticket 12', '12', 0]) {
                expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't' }, sessionStart: value })).message).toContain('sessionStart');
            }
        });
    });

    describe('customFields', () => {
        it('keeps strings and turns numbers and booleans into text', () => {
            const parsed = parseOpenTicket({
                ticketID: 'T',
                visitor: { token: 't', customFields: { city: 'Recife', age: 31, ratio: 0.5, vip: true, optedOut: false } },
            });
            expect(parsed.visitor.customFields).toEqual({ city: 'Recife', age: '31', ratio: '0.5', vip: 'true', optedOut: 'false' });
        });

        it('leaves out null values', () => {
            const parsed = parseOpenTicket({ ticketID: 'T', visitor: { token: 't', customFields: { a: 'x', b: null } } });
            expect(parsed.visitor.customFields).toEqual({ a: 'x' });
        });

        it('rejects a nested object or a list as a value, naming the field', () => {
            const nested = badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', customFields: { address: { street: 'x' } } } }));
            expect(nested.message).toContain('visitor.customFields.address');
            const list = badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', customFields: { tags: ['a'] } } }));
            expect(list.message).toContain('visitor.customFields.tags');
        });

        it('rejects customFields that are not an object', () => {
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', customFields: 'city=Recife' } })).message).toContain('visitor.customFields');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', customFields: ['a'] } })).message).toContain('visitor.customFields');
        });
    });

    describe('required fields and shape', () => {
        it('requires ticketID (either spelling)', () => {
            expect(badRequest(() => parseOpenTicket({ visitor: { token: 't' } })).message).toContain('ticketID');
            expect(badRequest(() => parseOpenTicket({ ticketID: '   ', visitor: { token: 't' } })).message).toContain('ticketID');
        });

        it('requires visitor.token', () => {
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: {} })).message).toContain('visitor.token');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: '' } })).message).toContain('visitor.token');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: null } })).message).toContain('visitor.token');
        });

        it('rejects a token that is neither text nor a number', () => {
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: { id: 1 } } })).message).toContain('visitor.token');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: true } })).message).toContain('visitor.token');
        });

        it('rejects a missing, null or non-object visitor', () => {
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T' })).message).toContain('visitor');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: null })).message).toContain('visitor');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: 'tok' })).message).toContain('visitor');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: ['tok'] })).message).toContain('visitor');
        });

        it('rejects a body that is not a JSON object', () => {
            for (const body of [[], [{ ticketID: 'T', visitor: { token: 't' } }], 'ticketID=T', null, undefined, 42]) {
                expect(badRequest(() => parseOpenTicket(body)).message).toContain('request body');
            }
        });

        it('rejects over-long fields, naming them', () => {
            expect(badRequest(() => parseOpenTicket({ ticketID: 'x'.repeat(101), visitor: { token: 't' } })).message).toContain('ticketID');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't'.repeat(101) } })).message).toContain('visitor.token');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', phone: '1'.repeat(101) } })).message).toContain('visitor.phone');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', contactUuid: 'u'.repeat(101) } })).message).toContain('visitor.contactUuid');
            expect(badRequest(() => parseOpenTicket({ ticketID: 'T', visitor: { token: 't', deparment: 'd'.repeat(1001) } })).message).toContain('visitor.deparment');
            // At the limit is fine.
            expect(parseOpenTicket({ ticketID: 'x'.repeat(100), visitor: { token: 't'.repeat(100) } }).ticketID).toHaveLength(100);
        });
    });
});
