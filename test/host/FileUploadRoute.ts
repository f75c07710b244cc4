import * as http from 'http';

import { HostStore } from './HostStore';

const FILE_UPLOAD = /^\/file-upload\/([^/]+)\/(.*)$/;

function cookie(header: string | undefined, name: string): string | undefined {
    for (const part of (header ?? '').split(';')) {
        const [key, ...value] = part.trim().split('=');
        if (key === name) {
            return decodeURIComponent(value.join('='));
        }
    }
    return undefined;
}

/**
 * FileUpload.requestCanAccessFiles (app/file-upload/server/lib/FileUpload.ts): with
 * `FileUpload_ProtectFiles` off everyone may read; on (the default), the request needs a
 * known user's login token — `rc_uid` + `rc_token` in the query or as cookies, or the
 * `X-User-Id` + `X-Auth-Token` headers — or, for a livechat room (`rc_room_type=l`), the
 * room id and its visitor's token (LivechatRoomType's canAccessUploadedFile). The JWT option
 * (`FileUpload_Enable_json_web_token_for_files`, off by default) is not reproduced.
 */
function canAccessFiles(store: HostStore, req: http.IncomingMessage, url: URL): boolean {
    if (store.serverSettings.get('FileUpload_ProtectFiles') === false) {
        return true;
    }
    let uid = url.searchParams.get('rc_uid') ?? undefined;
    let token = url.searchParams.get('rc_token') ?? undefined;
    let rid = url.searchParams.get('rc_rid') ?? undefined;
    let roomType = url.searchParams.get('rc_room_type') ?? undefined;
    if (!uid && req.headers.cookie) {
        uid = cookie(req.headers.cookie, 'rc_uid');
        token = cookie(req.headers.cookie, 'rc_token');
        rid = cookie(req.headers.cookie, 'rc_rid');
        roomType = cookie(req.headers.cookie, 'rc_room_type');
    }
    if (roomType === 'l' && rid && token && store.rooms.get(rid)?.visitor.token === token) {
        return true;
    }
    const userId = uid || String(req.headers['x-user-id'] ?? '');
    const authToken = token || String(req.headers['x-auth-token'] ?? '');
    return Boolean(userId && authToken && store.loginTokens.get(userId)?.has(authToken));
}

/**
 * Rocket.Chat's `/file-upload/<id>/<name>` handler (app/file-upload/server/lib/requests.ts): an
 * unknown id → 404 and a refused request → 403, both with an empty body; otherwise the bytes
 * with the headers Rocket.Chat sets (requests.ts, and the store's onRead in FileUpload.ts).
 * Returns false when the path is not under /file-upload/.
 */
export function serveFileUpload(store: HostStore, req: http.IncomingMessage, url: URL, res: http.ServerResponse): boolean {
    const match = FILE_UPLOAD.exec(url.pathname);
    if (!url.pathname.startsWith('/file-upload/')) {
        return false;
    }
    const upload = match ? store.uploads.get(match[1]) : undefined;
    if (!upload) {
        res.writeHead(404);
        res.end();
        return true;
    }
    if (!canAccessFiles(store, req, url)) {
        res.writeHead(403);
        res.end();
        return true;
    }
    res.writeHead(200, {
        'content-security-policy': "default-src 'none'",
        'cache-control': 'max-age=31536000',
        'content-disposition': `attachment; filename="${encodeURIComponent(upload.name)}"`,
        'content-type': upload.type,
        'content-length': String(upload.data.length),
    });
    res.end(upload.data);
    return true;
}
