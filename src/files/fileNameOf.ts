/** The file name at the end of a URL's path (absolute or relative, decoded), or a fallback. */
export function fileNameOf(url: string, fallback = 'file'): string {
    let path: string;
    try {
        path = new URL(url).pathname;
    } catch {
        path = url.split('?')[0];
    }
    const last = path.split('/').filter(Boolean).pop();
    if (!last) {
        return fallback;
    }
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}
