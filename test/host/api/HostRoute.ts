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
}

/** One route of the host's own API; `path` segments starting with `:` match any one segment. */
export interface HostRoute {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string;
    summary: string;
    handle(request: HostRequest): HostAnswer | Promise<HostAnswer>;
}

export const answer = (status: number, body: unknown): HostAnswer => ({ status, body });
