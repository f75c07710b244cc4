import * as http from 'http';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { AgentFile, LocalRocketChat } from './LocalRocketChat';
import { sendJson } from './sendJson';

type Body = Record<string, unknown>;

function summarizeMessage(message: IMessage): object {
    return {
        id: message.id,
        type: message.type ?? null,
        sender: message.sender.username,
        senderType: (message as { token?: string }).token ? 'visitor' : message.sender.type,
        text: message.text,
        attachments: message.attachments ?? [],
        blocks: message.blocks ?? [],
        createdAt: message.createdAt,
    };
}

/**
 * The host's own API, for tests and people: look at rooms, messages and app logs, act as
 * an agent (reply with text and files, close, transfer), change app settings. Uploads are
 * served by the front door as Rocket.Chat serves them (FileUploadRoute).
 */
export class InspectionApi {
    constructor(private readonly host: LocalRocketChat, private readonly appId: () => string) {}

    public async handle(method: string, url: URL, body: unknown, res: http.ServerResponse): Promise<void> {
        const input = (body && typeof body === 'object' ? body : {}) as Body;
        const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
        const store = this.host.store;
        const route = `${method} /${parts.map((part, i) => (i >= 2 && i % 2 === 0 ? ':id' : part)).join('/')}`;
        switch (route) {
            case 'GET /host/rooms':
                return sendJson(res, 200, [...store.rooms.values()].map((room) => ({
                    id: room.id,
                    open: room.isOpen === true,
                    visitor: { token: room.visitor.token, name: room.visitor.name, livechatData: room.visitor.livechatData ?? {} },
                    department: room.department?.name ?? null,
                    servedBy: room.servedBy?.username ?? null,
                    customFields: room.customFields ?? {},
                    livechatData: room.livechatData ?? {},
                    closer: room.closer ?? null,
                })));
            case 'GET /host/rooms/:id/messages':
                return sendJson(res, 200, store.roomMessages(parts[2]).map(summarizeMessage));
            case 'POST /host/rooms/:id/agent-message':
                return sendJson(res, 201, {
                    id: this.host.agentMessage(parts[2], String(input.username ?? 'agent'), String(input.text ?? ''), (input.files ?? []) as Array<AgentFile>,
                        typeof input.caption === 'string' ? input.caption : undefined),
                });
            case 'POST /host/rooms/:id/close':
                return sendJson(res, 200, {
                    closed: input.by === 'visitor' ? this.host.closeAsVisitor(parts[2]) : this.host.closeAsAgent(parts[2], String(input.username ?? 'agent'), String(input.comment ?? '')),
                });
            case 'POST /host/rooms/:id/transfer':
                return this.transfer(parts[2], input, res);
            case 'GET /host/logs':
                return sendJson(res, 200, this.host.appLogLines(this.appId()));
            case 'PUT /host/settings/:id':
                await this.host.setSetting(this.appId(), parts[2], input.value);
                return sendJson(res, 200, { id: parts[2] });
            case 'PUT /host/server-settings/:id':
                this.host.setServerSetting(parts[2], input.value);
                return sendJson(res, 200, { id: parts[2] });
            default:
                return sendJson(res, 404, { error: 'not found' });
        }
    }

    /** As Rocket.Chat's REST API answers a refused transfer: 400 with the error. */
    private transfer(roomId: string, input: Body, res: http.ServerResponse): void {
        try {
            sendJson(res, 200, { transferred: this.host.transfer(roomId, { department: input.department as string | undefined, agent: input.agent as string | undefined }) });
        } catch (error) {
            sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
        }
    }

}
