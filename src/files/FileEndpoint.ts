import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';
import { IUpload } from '@rocket.chat/apps-engine/definition/uploads';

import { HttpError } from '../http/HttpError';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { RequestContext } from '../http/RequestContext';
import { installationSecret } from '../identity/InstallationSecret';
import { EndpointAuth } from '../security/EndpointAuth';
import { APP_SOURCE } from '../stats/appSource';
import { isValidFileLinkSignature } from './fileLinkSignature';
import { fileResponseHeaders } from './fileResponseHeaders';
import { FILE_ENDPOINT_PATH } from './signedFileUrl';

const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/;
const EXPIRES = /^\d{1,12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function param(params: Record<string, unknown> | undefined, name: string, shape: RegExp, what: string): string {
    const value = params?.[name];
    if (typeof value !== 'string' || !shape.test(value)) {
        throw HttpError.badRequest(`this is not a file link of the Tickets app: the ${what} is malformed`);
    }
    return value;
}

/**
 * `GET file?upload=<upload id>&expires=<expiry>&signature=…&name=<name>`: the bytes of an upload, for platforms that
 * hold no Rocket.Chat credentials. Only links the app signed (HMAC of the upload id and the expiry
 * under the installation secret, checked in constant time) and not yet expired are served;
 * nothing is read from Rocket.Chat's uploads before the signature checks out.
 */
export class FileEndpoint extends JsonEndpoint {
    public readonly path = FILE_ENDPOINT_PATH;
    public readonly source = APP_SOURCE;
    protected readonly methods = ['get', 'head'] as const;
    /** Anyone holding a link may fetch its file: the handler checks the link's own expiring signature. */
    protected readonly auth: EndpointAuth = { kind: 'none', reason: 'signed, expiring links' };

    protected async handle({ request, read, logger }: RequestContext): Promise<IApiResponse> {
        const uploadId = param(request.query, 'upload', UPLOAD_ID, 'upload id');
        const expiresAt = Number(param(request.query, 'expires', EXPIRES, 'expiry'));
        const signature = param(request.query, 'signature', SIGNATURE, 'signature');
        const now = Math.floor(Date.now() / 1000);
        if (expiresAt <= now) {
            throw HttpError.gone(`this file link expired on ${new Date(expiresAt * 1000).toISOString()}; ask for the file to be sent again`);
        }
        const secret = await installationSecret.stored(read.getPersistenceReader());
        if (!secret || !isValidFileLinkSignature(secret, uploadId, expiresAt, signature)) {
            throw HttpError.forbidden('the signature of this file link is not valid (the link was altered, or the app was reinstalled since)');
        }
        const uploads = read.getUploadReader();
        let upload: IUpload | undefined;
        try {
            upload = await uploads.getById(uploadId);
        } catch {
            upload = undefined;
        }
        if (!upload) {
            throw HttpError.notFound('this file no longer exists in Rocket.Chat');
        }
        const bytes = await uploads.getBuffer(upload);
        logger.debug(`file ${uploadId} served (${bytes.length} bytes)`);
        return { status: 200, headers: fileResponseHeaders(upload.name, upload.type, expiresAt - now), content: bytes };
    }
}
