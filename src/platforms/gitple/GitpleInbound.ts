import { IApiResponse } from '@rocket.chat/apps-engine/definition/api';

import { ConversationOrigin, InboundEvent } from '../../bridges/InboundEvent';
import { HttpError } from '../../http/HttpError';
import { jsonResponse } from '../../http/jsonResponse';
import { RequestContext } from '../../http/RequestContext';
import { constantTimeEqual } from '../../security/constantTimeEqual';
import { EndpointAuth } from '../../security/EndpointAuth';
import { utcStamp } from '../../time/utcStamp';
import { bodyObject, JsonObject, optionalObject, optionalText, requiredText } from '../../validation/fields';
import { PlatformInbound } from '../PlatformInbound';
import { GitpleApi, GitpleMessage } from './GitpleApi';
import { gitpleContent } from './gitpleContent';
import { GitpleSetting } from './GitpleSetting';

export const GITPLE_SOURCE = 'gitple';
export const GITPLE_LABEL = 'Gitple';

const SPEAKERS: Record<string, string> = { bot: 'Gitple bot', agent: 'Gitple agent', sys: 'Gitple' };

interface Common {
    triggerId: string;
    appCode: string;
    type: string;
}

/** A signed event for another Gitple app (when gitple_app_code is set) is refused. */
async function requireAppCode({ request, settings }: RequestContext): Promise<void> {
    const expectedCode = await settings.text(GitpleSetting.AppCode);
    const given = typeof (request.content as JsonObject)?.appCode === 'string' ? String((request.content as JsonObject).appCode) : '';
    if (expectedCode !== '' && !constantTimeEqual(given, expectedCode)) {
        throw HttpError.unauthorized('appCode does not match gitple_app_code');
    }
}

function list(value: unknown): string {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string').join(', ') : '';
}

/**
 * Gitple's Event API: session state events and agents' external messages, signed
 * with X-Hub-Signature. End users' own messages are in no event: they are pulled from the
 * Open API's session export when a session opens or is assigned.
 */
export class GitpleInbound implements PlatformInbound {
    public readonly path = 'gitple';
    public readonly methods = ['post'] as const;
    public readonly enabledSetting = GitpleSetting.Enabled;
    public readonly requiredSettings = [GitpleSetting.EventSecret];
    public readonly departmentSetting = GitpleSetting.Department;

    public readonly auth: EndpointAuth = { kind: 'signature', header: 'X-Hub-Signature', secretSetting: GitpleSetting.EventSecret };

    public async parse(context: RequestContext): Promise<Array<InboundEvent>> {
        await requireAppCode(context);
        const body = bodyObject(context.request.content);
        const common: Common = {
            triggerId: requiredText(body, 'triggerId', 'triggerId', 200),
            appCode: requiredText(body, 'appCode', 'appCode', 200),
            type: requiredText(body, 'type', 'type', 100),
        };
        switch (common.type) {
            case 'session_state_open':
            case 'session_state_inprogress':
                return this.sessionActive(context, body, common);
            case 'session_state_close':
                return this.sessionClosed(body, common);
            case 'send_external_message':
                return this.externalMessage(body, common);
            default:
                context.logger.debug(`gitple: event type ${common.type} ignored`);
                return [];
        }
    }

    public answer(): IApiResponse {
        return jsonResponse(200, { status: 'ok' });
    }

    private session(body: JsonObject): JsonObject {
        const session = optionalObject(body, 'session', 'session');
        if (!session) {
            throw HttpError.badRequest('"session" is required for session state events');
        }
        return session;
    }

    private async sessionActive(context: RequestContext, body: JsonObject, common: Common): Promise<Array<InboundEvent>> {
        const session = this.session(body);
        const sessionId = requiredText(session, 'id', 'session.id', 200);
        const userId = requiredText(session, 'userId', 'session.userId', 200);
        const token = `gitple:${common.appCode}:${userId}`;
        const api = await GitpleApi.from(context.http, context.settings, common.appCode);
        const profile = api ? await api.user(userId).catch((error: Error) => {
            context.logger.warn(`gitple: profile of user ${userId} not loaded: ${error.message}`);
            return undefined;
        }) : undefined;
        const messages = api ? await api.sessionMessages(sessionId) : [];
        const origin: ConversationOrigin = {
            visitor: { token, name: profile?.name ?? `Gitple user ${userId}`, email: profile?.email, phone: profile?.phone },
            platformConversation: sessionId,
            externalIds: { appCode: common.appCode, userId, sessionId, identifier: profile?.identifier ?? userId, anonymous: String(!profile?.identifier), lang: 'ko' },
        };
        const intro = [
            `Gitple session ${sessionId} opened at ${utcStamp(optionalText(session, 'openTime', 'session.openTime', 64), 'an unknown time')}.`,
            list(session.categories) && `Categories: ${list(session.categories)}.`,
            list(session.tags) && `Tags: ${list(session.tags)}.`,
            typeof session.note === 'string' && session.note ? `Note: ${session.note}` : '',
            api ? '' : 'The end user\'s messages are not available: set gitple_api_secret so the app can read them from Gitple\'s Open API.',
        ].filter((part) => part !== '').join(' ');
        const events: Array<InboundEvent> = [{ type: 'open', eventId: `${common.triggerId}:open`, visitorToken: token, origin, intro }];
        events.push(...messages.map((message) => this.sessionLine(message, token)));
        if (common.type === 'session_state_inprogress') {
            const assignee = `${optionalText(session, 'assigneeType', 'session.assigneeType', 50) ?? 'agent'} ${optionalText(session, 'assigneeId', 'session.assigneeId', 200) ?? ''}`.trim();
            events.push({ type: 'context', eventId: `${common.triggerId}:assigned`, visitorToken: token, speaker: 'Gitple', text: `Session assigned in Gitple to ${assignee} at ${utcStamp(optionalText(session, 'inprogressTime', 'session.inprogressTime', 64), 'an unknown time')}.`, files: [] });
        }
        return events;
    }

    private sessionLine(message: GitpleMessage, token: string): InboundEvent {
        const { text, files } = gitpleContent(message.content);
        const eventId = `message:${message.id}`;
        if (message.senderType === 'user') {
            return { type: 'user-message', eventId, visitorToken: token, text, files };
        }
        return { type: 'context', eventId, visitorToken: token, speaker: SPEAKERS[message.senderType] ?? `Gitple ${message.senderType}`, text, files };
    }

    private sessionClosed(body: JsonObject, common: Common): Array<InboundEvent> {
        const session = this.session(body);
        const userId = requiredText(session, 'userId', 'session.userId', 200);
        const reason = optionalText(session, 'reason', 'session.reason', 200) ?? 'no reason given';
        return [{ type: 'close', eventId: common.triggerId, visitorToken: `gitple:${common.appCode}:${userId}`, comment: `Closed in Gitple (reason: ${reason}).` }];
    }

    private externalMessage(body: JsonObject, common: Common): Array<InboundEvent> {
        const to = optionalObject(body, 'to', 'to');
        const message = optionalObject(body, 'message', 'message');
        if (!to || !message) {
            throw HttpError.badRequest('"to" and "message" are required for send_external_message');
        }
        const userId = requiredText(to, 'id', 'to.id', 200);
        const token = `gitple:${common.appCode}:${userId}`;
        const from = optionalObject(body, 'from', 'from');
        const identifier = optionalText(to, 'identifier', 'to.identifier', 200);
        const { text, files } = gitpleContent(message.content);
        return [{
            type: 'context',
            eventId: common.triggerId,
            visitorToken: token,
            speaker: `Gitple agent ${from ? optionalText(from, 'id', 'from.id', 200) ?? '' : ''}`.trim(),
            text,
            files,
            opensRoomFrom: {
                visitor: { token, name: optionalText(to, 'name', 'to.name') ?? `Gitple user ${userId}`, email: optionalText(to, 'email', 'to.email'), phone: optionalText(to, 'phone', 'to.phone', 100) },
                platformConversation: `external-${userId}`,
                externalIds: { appCode: common.appCode, userId, identifier: identifier ?? userId, anonymous: String(to.anonymous === true), lang: optionalText(to, 'lang', 'to.lang', 20) ?? 'ko' },
            },
        }];
    }
}
