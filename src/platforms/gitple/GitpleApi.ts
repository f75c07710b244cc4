import { IHttp } from '@rocket.chat/apps-engine/definition/accessors';

import { HttpError } from '../../http/HttpError';
import { responseJson } from '../../http/responseJson';
import { AppSettings } from '../../settings/AppSettings';
import { SettingId } from '../../settings/SettingId';
import { isObject } from '../../validation/fields';
import { GitpleSetting } from './GitpleSetting';
import { GitpleUserProfile } from './types';

export interface GitpleMessage {
    id: string;
    senderType: string;
    senderId?: string;
    content: unknown;
    ctime?: string;
}

const MAX_PAGES = 20;

function listOf(data: unknown): Array<unknown> {
    if (Array.isArray(data)) {
        return data;
    }
    if (isObject(data)) {
        for (const key of ['data', 'items', 'messages', 'results']) {
            if (Array.isArray(data[key])) {
                return data[key] as Array<unknown>;
            }
        }
    }
    return [];
}

function nextPage(data: unknown, current: string): string | undefined {
    if (!isObject(data) || typeof data.next !== 'string' || data.next === '') {
        return undefined;
    }
    try {
        return new URL(data.next, current).toString();
    } catch {
        return undefined;
    }
}

/** Gitple's Open API (headers `app-code` and `secret`): a user's profile and a session's messages. */
export class GitpleApi {
    private constructor(private readonly http: IHttp, private readonly base: string, private readonly headers: Record<string, string>, private readonly timeoutMs: number) {}

    /**
     * Undefined when the Open API secret is not set (the bridge then works from events alone).
     * A secret without `gitple_api_url` is an administrator's mistake: 409 naming it, nothing read.
     */
    public static async from(http: IHttp, settings: AppSettings, appCode: string): Promise<GitpleApi | undefined> {
        const secret = await settings.text(GitpleSetting.ApiSecret);
        if (!secret) {
            return undefined;
        }
        const base = (await settings.text(GitpleSetting.ApiUrl)).replace(/\/+$/, '');
        if (!base) {
            throw HttpError.missingSettings('Reading Gitple\'s Open API', [GitpleSetting.ApiUrl]);
        }
        const timeoutMs = (await settings.count(SettingId.DeliveryTimeoutSeconds, 15)) * 1000;
        return new GitpleApi(http, base, { 'app-code': appCode, 'secret': secret }, timeoutMs);
    }

    public async user(userId: string): Promise<GitpleUserProfile | undefined> {
        const response = await this.get(`${this.base}/v1/exports/users/${encodeURIComponent(userId)}`);
        const data = isObject(response) && isObject(response.data) ? response.data : response;
        if (!isObject(data)) {
            return undefined;
        }
        const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
        return { name: text(data.name), email: text(data.email), phone: text(data.phone), identifier: text(data.identifier) };
    }

    /** Every message of the session, oldest first, following `next` pages. */
    public async sessionMessages(sessionId: string): Promise<Array<GitpleMessage>> {
        const messages: Array<GitpleMessage> = [];
        let url: string | undefined = `${this.base}/v1/exports/sessions/${encodeURIComponent(sessionId)}/messages`;
        for (let page = 0; url && page < MAX_PAGES; page++) {
            const data = await this.get(url);
            for (const item of listOf(data)) {
                if (isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number')) {
                    messages.push({ id: String(item.id), senderType: String(item.senderType ?? ''), senderId: item.senderId === undefined ? undefined : String(item.senderId), content: item.content, ctime: typeof item.ctime === 'string' ? item.ctime : undefined });
                }
            }
            url = nextPage(data, url);
        }
        const unique = [...new Map(messages.map((message) => [message.id, message])).values()];
        return unique.sort((a, b) => (Date.parse(a.ctime ?? '') || 0) - (Date.parse(b.ctime ?? '') || 0));
    }

    private async get(url: string): Promise<unknown> {
        let response;
        try {
            response = await this.http.get(url, { headers: this.headers, timeout: this.timeoutMs });
        } catch (error) {
            throw new HttpError(502, `Gitple's Open API did not answer (${error instanceof Error ? error.message : String(error)}); nothing was changed, send the event again`);
        }
        if (response.statusCode !== 200) {
            throw new HttpError(502, `Gitple's Open API answered HTTP ${response.statusCode} for ${url.replace(this.base, '')}; nothing was changed, send the event again`);
        }
        return responseJson(response);
    }
}
