import { parseVisitorToken } from '../../src/platforms/rapidpro/parseVisitorToken';
import { badRequest } from '../support/badRequest';


describe('parseVisitorToken', () => {
    it('returns the trimmed token', () => {
        expect(parseVisitorToken({ visitor: { token: '  abc-123 ' } })).toBe('abc-123');
    });

    it('accepts a numeric token as text', () => {
        expect(parseVisitorToken({ visitor: { token: 5511999 } })).toBe('5511999');
    });

    it('ignores other fields', () => {
        expect(parseVisitorToken({ visitor: { token: 't', name: 'Ana' }, text: 'hi' })).toBe('t');
    });

    it('rejects a missing, empty or non-text token, naming visitor.token', () => {
        for (const visitor of [{}, { token: '' }, { token: '   ' }, { token: null }, { token: false }, { token: ['t'] }]) {
            expect(badRequest(() => parseVisitorToken({ visitor })).message).toContain('visitor.token');
        }
    });

    it('rejects a token longer than 100 characters', () => {
        expect(parseVisitorToken({ visitor: { token: 'a'.repeat(100) } })).toHaveLength(100);
        expect(badRequest(() => parseVisitorToken({ visitor: { token: 'a'.repeat(101) } })).message).toContain('visitor.token');
    });

    it('rejects a missing or non-object visitor, naming visitor', () => {
        for (const body of [{}, { visitor: null }, { visitor: 'tok' }, { visitor: ['tok'] }, { token: 'tok' }]) {
            expect(badRequest(() => parseVisitorToken(body)).message).toContain('"visitor"');
        }
    });

    it('rejects a body that is not a JSON object', () => {
        for (const body of [null, undefined, 'token', 7, [{ visitor: { token: 't' } }]]) {
            expect(badRequest(() => parseVisitorToken(body)).message).toContain('request body');
        }
    });
});
