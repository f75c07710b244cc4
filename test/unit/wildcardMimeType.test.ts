import { wildcardMimeType } from '../../src/files/wildcardMimeType';

describe('wildcardMimeType', () => {
    it('maps the platforms\' media kinds to a MIME type, in any case', () => {
        expect(wildcardMimeType('image')).toBe('image/*');
        expect(wildcardMimeType('Photo')).toBe('image/*');
        expect(wildcardMimeType('sticker')).toBe('image/*');
        expect(wildcardMimeType('VIDEO')).toBe('video/*');
        expect(wildcardMimeType('audio')).toBe('audio/*');
        expect(wildcardMimeType('voice')).toBe('audio/*');
    });

    it('has none for other words, the object\'s own properties included', () => {
        expect(wildcardMimeType('file')).toBeUndefined();
        expect(wildcardMimeType('document')).toBeUndefined();
        expect(wildcardMimeType('constructor')).toBeUndefined();
        expect(wildcardMimeType('__proto__')).toBeUndefined();
    });
});
