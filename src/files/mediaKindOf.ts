export type MediaKind = 'image' | 'audio' | 'video' | 'file';

/** How a platform shows a file of this MIME type: as an image, audio, a video, or any other file. */
export function mediaKindOf(mimeType: string): MediaKind {
    const group = mimeType.split('/')[0];
    return group === 'image' || group === 'audio' || group === 'video' ? group : 'file';
}
