import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

export function jsonResponse(status: number, content: object): IApiResponse {
    return { status, headers: { 'content-type': 'application/json' }, content };
}

export function emptyResponse(status: number): IApiResponse {
    return { status };
}
