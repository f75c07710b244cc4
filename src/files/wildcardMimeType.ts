const WILDCARDS = new Map([['image', 'image/*'], ['photo', 'image/*'], ['sticker', 'image/*'], ['video', 'video/*'], ['audio', 'audio/*'], ['voice', 'audio/*']]);

/** The MIME type a platform's media kind stands for (`photo` → `image/*`, `voice` → `audio/*`…, any case); none for another word. */
export function wildcardMimeType(kind: string): string | undefined {
    return WILDCARDS.get(kind.toLowerCase());
}
