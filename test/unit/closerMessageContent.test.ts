import { closerMessageContent } from '../../src/platforms/closer/closerMessageContent';

const content = (data: unknown) => closerMessageContent({ id: 'm', data });

describe('closerMessageContent', () => {
    it('keeps text as is, Thai and Korean included', () => {
        expect(content({ type: 'text', text: 'สวัสดีครับ' })).toEqual({ text: 'สวัสดีครับ', files: [] });
        expect(content({ type: 'text', text: '안녕하세요, 주문 문의드립니다' })).toEqual({ text: '안녕하세요, 주문 문의드립니다', files: [] });
        expect(content('plain string')).toEqual({ text: 'plain string', files: [] });
    });

    it('turns media with a URL into a file, with a caption as text', () => {
        expect(content({ type: 'image', url: 'https://cdn.example/a/photo.jpg' })).toEqual({
            text: '', files: [{ url: 'https://cdn.example/a/photo.jpg', mimeType: 'image/jpeg', name: 'photo.jpg' }],
        });
        expect(content({ type: 'media', url: 'https://cdn.example/a/clip.mp4?sig=1', text: '영상입니다' })).toEqual({
            text: '영상입니다', files: [{ url: 'https://cdn.example/a/clip.mp4?sig=1', mimeType: 'video/mp4', name: 'clip.mp4' }],
        });
        expect(content({ type: 'file', fileUrl: 'https://cdn.example/x', name: '견적서.pdf', mimeType: 'application/pdf' }).files)
            .toEqual([{ url: 'https://cdn.example/x', mimeType: 'application/pdf', name: '견적서.pdf' }]);
        expect(content({ type: 'image', url: 'https://cdn.example/x' }).files[0].mimeType).toBe('image/*');
    });

    it('renders buttons and quick replies as text', () => {
        expect(content({ type: 'button', text: '무엇을 도와드릴까요?', buttons: [{ title: '주문 조회' }, { label: '홈페이지', url: 'https://shop.example' }] }).text)
            .toBe('무엇을 도와드릴까요?\n[버튼] 주문 조회\n[버튼] 홈페이지 (https://shop.example)');
        expect(content({ type: 'text', text: '선택하세요', quickReplies: [{ label: '예' }] }).text).toBe('선택하세요\n[빠른 답장] 예');
    });

    it('renders cards as text, with their images as files', () => {
        const result = content({
            type: 'cards',
            cards: [
                { title: '상품 A', description: '10,000원', imageUrl: 'https://cdn.example/a.png', buttons: [{ title: '구매' }] },
                { title: '상품 B' },
            ],
        });
        expect(result.text).toBe('[카드] 상품 A\n10,000원\n[버튼] 구매\n\n[카드] 상품 B');
        expect(result.files).toEqual([{ url: 'https://cdn.example/a.png', mimeType: 'image/png', name: 'a.png' }]);
    });

    it('never returns an empty message, and never throws on odd data', () => {
        expect(content({ type: 'location' }).text).toBe('[location message]');
        expect(content(undefined).text).toBe('[empty message]');
        expect(closerMessageContent(undefined).text).toBe('[empty message]');
        expect(content({ type: 'image', url: 'ftp://nope/x.png' })).toEqual({ text: '[image message]', files: [] });
        expect(content({ type: 'button', buttons: 'not a list' }).text).toBe('[button message]');
    });

    it('cuts text longer than the message limit', () => {
        const result = content({ type: 'text', text: 'ก'.repeat(25000) });
        expect(result.text.length).toBe(20000);
        expect(result.text.endsWith('…')).toBe(true);
    });
});
