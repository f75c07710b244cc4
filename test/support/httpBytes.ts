import * as http from 'http';

export interface BytesAnswer {
    status: number;
    headers: Record<string, string>;
    body: Buffer;
}

/** A real HTTP request on loopback that keeps the answer's bytes as they came (files, not JSON). */
export function httpBytes(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<BytesAnswer> {
    return new Promise((resolve, reject) => {
        const req = http.request(new URL(url), { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
            const chunks: Array<Buffer> = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
                const headers: Record<string, string> = {};
                for (const [name, value] of Object.entries(res.headers)) {
                    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
                }
                resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
            });
        });
        req.on('error', reject);
        req.end();
    });
}
