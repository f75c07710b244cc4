import * as http from 'http';

import { HostBody } from './parseHostBody';

export interface HostRequest {
    /** The values of the pattern's `:name` segments, decoded. */
    params: Record<string, string>;
    query: URLSearchParams;
    body: HostBody;
}

export interface HostAnswer {
    status: number;
    body: unknown;
    /** Headers besides the JSON content type (e.g. a login's cookies). */
    headers?: Record<string, string | Array<string>>;
    /** Instead of a JSON body: the route keeps the response open and writes to it (a server-sent event stream). */
    stream?: (res: http.ServerResponse) => void;
}

/** One route of the host's own API; `path` segments starting with `:` match any one segment. */
export interface HostRoute {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string;
    summary: string;
    handle(request: HostRequest): HostAnswer | Promise<HostAnswer>;
}

export const answer = (status: number, body: unknown): HostAnswer => ({ status, body });
