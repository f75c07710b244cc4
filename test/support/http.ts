export interface HttpAnswer {
    status: number;
    headers: Record<string, string>;
    text: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever JSON the app answered: tests read it freely
    json: any;
}

/** A real HTTP call on loopback; the JSON body is sent on every method (GET included), as RapidPro does. */
export async function httpCall(
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: unknown; rawBody?: string | Buffer } = {},
): Promise<HttpAnswer> {
    const http = await import('http');
    const target = new URL(url);
    const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (payload !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
        headers['content-type'] = 'application/json';
    }
    if (payload !== undefined) {
        headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
        const req = http.request(target, { method: options.method ?? 'GET', headers }, (res) => {
            const chunks: Array<Buffer> = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
                const text = Buffer.concat(chunks).toString('utf8');
                let json: unknown;
                try {
                    json = text ? JSON.parse(text) : undefined;
                } catch {
                    json = undefined;
                }
                const flat: Record<string, string> = {};
                for (const [name, value] of Object.entries(res.headers)) {
                    flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
                }
                resolve({ status: res.statusCode ?? 0, headers: flat, text, json });
            });
        });
        req.on('error', reject);
        if (payload !== undefined) {
            req.write(payload);
        }
        req.end();
    });
}
