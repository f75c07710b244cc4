/** A request header by name, whatever its case; '' when absent. Repeated headers keep their first value. */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string {
    if (!headers) {
        return '';
    }
    const wanted = name.toLowerCase();
    for (const key of Object.keys(headers)) {
        if (key.toLowerCase() === wanted) {
            const value = headers[key];
            const first = Array.isArray(value) ? value[0] : value;
            return typeof first === 'string' ? first : '';
        }
    }
    return '';
}
