import { appMutex } from '../concurrency/KeyedMutex';
import { ConversationService, ServiceContext } from '../conversations/ConversationService';
import { HttpError } from '../http/HttpError';
import { ConversationLink } from '../links/ConversationLink';
import { BridgeAdapter } from './BridgeAdapter';
import { ConversationOrigin, InboundEvent } from './InboundEvent';
import { RecentInboundIds } from './RecentInboundIds';

/**
 * Applies a bridge's platform-neutral events to Rocket.Chat, one end user at a time (so a
 * burst never opens two rooms), ignoring ids already handled.
 */
export class BridgeEventApplier {
    private readonly conversations: ConversationService;
    private readonly seen: RecentInboundIds;

    constructor(private readonly context: ServiceContext, private readonly adapter: BridgeAdapter) {
        this.conversations = new ConversationService(context);
        this.seen = new RecentInboundIds(context.read.getPersistenceReader(), context.persistence);
    }

    public async apply(event: InboundEvent): Promise<void> {
        const { source } = this.adapter;
        await appMutex.run(`${source}-visitor:${event.visitorToken}`, async () => {
            if (event.eventId && (await this.seen.has(source, event.visitorToken, event.eventId))) {
                this.context.logger.debug(`${source}: ${event.type} ${event.eventId} already handled; ignored`);
                return;
            }
            try {
                await this.applyOnce(event);
            } catch (error) {
                if (!(error instanceof HttpError && error.status === 404)) {
                    throw error;
                }
                // The room closed while the platform's request was on its way: nothing left to do with this event.
                this.context.logger.warn(`${source}: ${event.type} for ${event.visitorToken} not applied: ${error.message}`);
            }
            if (event.eventId) {
                await this.seen.remember(source, event.visitorToken, event.eventId);
            }
        });
    }

    private async applyOnce(event: InboundEvent): Promise<void> {
        const open = (await this.conversations.openLinkOfVisitor(this.adapter.source, event.visitorToken))
            ?? (this.adapter.adoptRoom ? await this.adapter.adoptRoom(event.visitorToken, this.context) : undefined);
        switch (event.type) {
            case 'open': {
                const link = open ?? (await this.openRoom(event.origin));
                if (event.intro && !open) {
                    await this.conversations.postContext(link, this.adapter.label, event.intro);
                }
                return;
            }
            case 'user-message': {
                const link = open ?? (event.opensRoomFrom && (await this.openRoom(event.opensRoomFrom)));
                if (link) {
                    await this.conversations.postFromVisitor(link, event.text, event.files);
                } else {
                    this.context.logger.debug(`${this.adapter.source}: no open room for ${event.visitorToken}; message not mirrored`);
                }
                return;
            }
            case 'context': {
                const link = open ?? (event.opensRoomFrom && (await this.openRoom(event.opensRoomFrom)));
                if (link) {
                    await this.conversations.postContext(link, event.speaker, event.text, event.files);
                }
                return;
            }
            case 'close':
                if (open) {
                    await this.conversations.closeFromSource(open, event.comment);
                }
                return;
            case 'bot-reply': {
                const link = open ?? (event.opensRoomFrom && (await this.openRoom(event.opensRoomFrom)));
                if (!link) {
                    this.context.logger.debug(`${this.adapter.source}: no room for ${event.visitorToken}; bot reply dropped`);
                    return;
                }
                await this.postBotReply(link, event);
                return;
            }
        }
    }

    private async postBotReply(link: ConversationLink, event: Extract<InboundEvent, { type: 'bot-reply' }>): Promise<void> {
        if (event.private) {
            await this.conversations.notifyAgents(link, `${this.adapter.label} (private): ${event.text}`);
        } else {
            await this.conversations.postBotReply(link, event.text, event.attachments);
        }
        if (event.choices.length > 0) {
            await this.conversations.links.update({ ...link, externalIds: { ...link.externalIds, choices: JSON.stringify(event.choices) } });
        }
        if (event.handover && this.adapter.handOver) {
            await this.adapter.handOver(link, this.context, `the ${this.adapter.label} bot handed over`);
        }
    }

    private async openRoom(origin: ConversationOrigin): Promise<ConversationLink> {
        const departmentId = await this.conversations.departmentId(undefined, this.adapter.departmentSetting);
        const { token, name, email, phone } = origin.visitor;
        return this.conversations.open({
            source: this.adapter.source,
            conversationKey: `${origin.platformConversation}@${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
            contactKey: token,
            contact: { name, email, phone, departmentId },
            visitorToken: this.adapter.servesWidgetVisitors ? token : undefined,
            externalIds: origin.externalIds,
            label: this.adapter.label,
        });
    }
}
