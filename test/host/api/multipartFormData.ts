export interface FormFile {
    field: string;
    filename: string;
    mimetype: string;
    data: Buffer;
}

export interface FormData {
    fields: Record<string, string>;
    files: Array<FormFile>;
}

function headerParameter(header: string, name: string): string | undefined {
    const match = new RegExp(`(?:^|;)\\s*${name}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`(?:^|;)\\s*${name}=([^;\\s]+)`, 'i').exec(header);
    return match?.[1];
}

/**
 * A `multipart/form-data` body (RFC 7578), as Rocket.Chat's getUploadFormData reads it with
 * busboy: text fields, and file parts (those with a filename) with their content type. Throws
 * naming the problem when the body is not multipart or is malformed.
 */
export function multipartFormData(body: Buffer, contentType: string): FormData {
    if (!/^multipart\/form-data/i.test(contentType)) {
        throw new Error(`Unsupported content type: ${contentType || 'none'} (send multipart/form-data, e.g. curl -F file=@photo.png)`);
    }
    const boundary = headerParameter(contentType, 'boundary');
    if (!boundary) {
        throw new Error('Multipart: Boundary not found');
    }
    const delimiter = Buffer.from(`--${boundary}`);
    const form: FormData = { fields: {}, files: [] };
    let start = body.indexOf(delimiter);
    if (start < 0) {
        throw new Error('Unexpected end of form');
    }
    for (;;) {
        const afterDelimiter = start + delimiter.length;
        if (body.slice(afterDelimiter, afterDelimiter + 2).toString() === '--') {
            return form;
        }
        const headersStart = afterDelimiter + 2;
        const headersEnd = body.indexOf('\r\n\r\n', headersStart);
        const next = body.indexOf(delimiter, headersStart);
        if (headersEnd < 0 || next < 0 || headersEnd > next) {
            throw new Error('Unexpected end of form');
        }
        const headers = body.slice(headersStart, headersEnd).toString('utf8').split('\r\n');
        const header = (name: string) => headers.find((line) => line.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
        const disposition = header('content-disposition');
        const field = headerParameter(disposition, 'name') ?? '';
        const filename = headerParameter(disposition, 'filename');
        // The part's content ends with the CRLF before the next delimiter.
        const data = body.slice(headersEnd + 4, next - 2);
        if (filename !== undefined) {
            form.files.push({ field, filename, mimetype: header('content-type') || 'application/octet-stream', data });
        } else {
            form.fields[field] = data.toString('utf8');
        }
        start = next;
    }
}
