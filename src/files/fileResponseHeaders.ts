/** RFC 5987 percent-encoding of a UTF-8 value (for `filename*`). */
function rfc5987(value: string): string {
    return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Types a browser may show in place without running anything (SVG can carry scripts: downloaded instead). */
function showsInline(type: string): boolean {
    return /^(image|audio|video)\//.test(type) && !/svg/i.test(type);
}

/**
 * `Content-Disposition` (RFC 6266) with the file's name: an ASCII fallback in `filename` and the
 * exact UTF-8 name in `filename*`; images, audio and video inline, everything else as a download.
 */
export function contentDisposition(name: string, type: string): string {
    const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file';
    return `${showsInline(type) ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${rfc5987(name || 'file')}`;
}

/**
 * Headers of a served file: its type and name; no sniffing and no active content (as Rocket.Chat
 * serves uploads); cacheable by the receiver only, at most until the link expires.
 */
export function fileResponseHeaders(name: string, type: string, secondsLeft: number): Record<string, string> {
    const contentType = type || 'application/octet-stream';
    return {
        'content-type': contentType,
        'content-disposition': contentDisposition(name, contentType),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': `private, max-age=${Math.max(0, Math.min(secondsLeft, 86400))}`,
    };
}
