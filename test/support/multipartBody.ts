/** A multipart/form-data body as curl -F builds it: text fields, then one file part per file. */
export function multipartBody(fields: Record<string, string>, files: Array<{ field: string; name: string; type: string; data: Buffer }>): { body: Buffer; contentType: string } {
    const boundary = `------------------------${Date.now().toString(16)}a1b2c3`;
    const parts: Array<Buffer> = [];
    for (const [name, value] of Object.entries(fields)) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    for (const file of files) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
