import { constantTimeEqual } from '../../src/security/constantTimeEqual';

describe('constantTimeEqual', () => {
    it('accepts identical secrets', () => {
        expect(constantTimeEqual('abc123', 'abc123')).toBe(true);
        expect(constantTimeEqual('', '')).toBe(true);
        expect(constantTimeEqual('시크릿🙂', '시크릿🙂')).toBe(true);
    });

    it('rejects different secrets of any length', () => {
        expect(constantTimeEqual('abc123', 'abc124')).toBe(false);
        expect(constantTimeEqual('abc', 'abc123')).toBe(false);
        expect(constantTimeEqual('abc123', '')).toBe(false);
        expect(constantTimeEqual('ABC123', 'abc123')).toBe(false);
    });
});
