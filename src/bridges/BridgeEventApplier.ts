import { appMutex } from '../concurrency/KeyedMutex';
import { AppContext } from '../context/AppContext';
import { ConversationService } from '../conversations/ConversationService';
import { HttpError } from '../http/HttpError';
import { ConversationLink, visitorLock } from '../links/ConversationLink';
import { derivedMessageId } from '../livechat/derivedMessageId';
import { DuplicateMessageError } from '../livechat/DuplicateMessageError';
import { NoAgentOnlineError } from '../livechat/NoAgentOnlineError';
import { Platform } from '../platforms/Platform';
import { PlatformInbound } from '../platforms/PlatformInbound';
import { ConversationOrigin, InboundEvent } from './InboundEvent';
import { PendingInbound, PendingInboundEvents } from './PendingInboundEvents';

/** At most this many events are kept per end user while nobody is online. */
const MAX_KEPT = 500;
/** A kept event that fails this many times for another reason than nobody online is given up (logged as an error). */
const MAX_FAILURES = 5;

/** What replaying an end user's kept events came to. */
export type ReplayOutcome = 'applied' | 'no-agent' | 'retry';

/**
 * Applies a bridge's platform-neutral events to Rocket.Chat, one end user at a time per
 * instance (so a burst never opens two rooms). An event with an id posts its messages under
 * ids derived from it: the same event again (a platform's retry, or the same delivery reaching
 * two instances at once) posts nothing, and a room opened for it in vain gives way to the room
 * that has its message. When Rocket.Chat refuses a
 * room because no agent is online, the event is kept, with every later event of that end
 * user, and they are applied in order once a room can be opened (the next event, or the
 * pending-inbound sweep job); the platform gets its usual answer, so nothing is lost.
 */
export class BridgeEventApplier {
    private readonly conversations: ConversationService;
    private readonly pending: PendingInboundEvents;

    constructor(private readonly context: AppContext, private readonly platform: Pick<Platform, 'source' | 'label'>, private readonly inbound: PlatformInbound) {
        this.conversations = new ConversationService(context);
        const reader = context.read.getPersistenceReader();
        this.pending = new PendingInboundEvents(reader, context.persistence);
    }

    public async apply(event: InboundEvent): Promise<void> {
        const { source } = this.platform;
        await appMutex.run(visitorLock(source, event.visitorToken), async () => {
            try {
                await this.applyOrKeep(event);
            } catch (error) {
                if (error instanceof DuplicateMessageError) {
                    this.context.logger.debug(`${source}: ${event.type} ${event.eventId} already handled; ignored`);
                    return;
                }
                if (!(error instanceof HttpError && error.status === 404)) {
                    throw error;
                }
                // The room closed while the platform's request was on its way: nothing left to do with this event.
                this.context.logger.warn(`${source}: ${event.type} for ${event.visitorToken} not applied: ${error.message}`);
            }
        });
    }

    /** Applies the end user's kept events, in order, as far as Rocket.Chat lets it (the sweep job). */
    public async replayKept(visitorToken: string): Promise<ReplayOutcome> {
        return appMutex.run(visitorLock(this.platform.source, visitorToken), async () => {
            const kept = await this.pending.of(this.platform.source, visitorToken);
            return kept ? this.replay(kept) : 'applied';
        });
    }

    private async applyOrKeep(event: InboundEvent): Promise<void> {
        const open = await this.openLink(event.visitorToken);
        if (!open) {
            const kept = await this.pending.of(this.platform.source, event.visitorToken);
            if (kept) {
                // Earlier events of this end user are still waiting: this one goes behind them.
                await this.replay(await this.keep(kept, event));
                return;
            }
        }
        try {
            await this.applyOnce(event, open);
        } catch (error) {
            if (!(error instanceof NoAgentOnlineError)) {
                throw error;
            }
            await this.keep(undefined, event);
            this.context.logger.warn(`${this.platform.source}: ${event.type} for ${event.visitorToken} kept until Rocket.Chat can open a room: ${error.message}`);
        }
    }

    private async keep(record: PendingInbound | undefined, event: InboundEvent): Promise<PendingInbound> {
        const current = record ?? { source: this.platform.source, visitorToken: event.visitorToken, events: [], since: new Date().toISOString(), failures: 0 };
        if (current.events.length >= MAX_KEPT) {
            this.context.logger.error(`${this.platform.source}: ${MAX_KEPT} events of ${event.visitorToken} are already waiting for an agent; ${event.type} not kept`);
            return current;
        }
        const updated = { ...current, events: [...current.events, event] };
        await this.pending.save(updated);
        return updated;
    }

    private async replay(record: PendingInbound): Promise<ReplayOutcome> {
        const { source } = this.platform;
        const events = [...record.events];
        let failures = record.failures;
        let outcome: ReplayOutcome = 'applied';
        while (events.length > 0) {
            try {
                await this.applyOnce(events[0], await this.openLink(record.visitorToken));
            } catch (error) {
                if (error instanceof NoAgentOnlineError) {
                    outcome = 'no-agent';
                    break;
                }
                if (error instanceof DuplicateMessageError) {
                    // Applied before (by another instance): done.
                    events.shift();
                    failures = 0;
                    continue;
                }
                const reason = error instanceof Error ? error.message : String(error);
                if (!(error instanceof HttpError && error.status === 404) && failures + 1 < MAX_FAILURES) {
                    failures += 1;
                    this.context.logger.warn(`${source}: kept ${events[0].type} for ${record.visitorToken} failed (${reason}); tried again later`);
                    outcome = 'retry';
                    break;
                }
                this.context.logger.error(`${source}: kept ${events[0].type} for ${record.visitorToken} given up, not applied: ${reason}`);
            }
            events.shift();
            failures = 0;
        }
        if (events.length === 0) {
            await this.pending.remove(source, record.visitorToken);
            this.context.logger.info(`${source}: ${record.events.length} event(s) of ${record.visitorToken} kept since ${record.since} applied`);
        } else if (events.length !== record.events.length || failures !== record.failures) {
            await this.pending.save({ ...record, events, failures });
        }
        return outcome;
    }

    private async openLink(visitorToken: string): Promise<ConversationLink | undefined> {
        return (await this.conversations.openLinkOfVisitor(this.platform.source, visitorToken))
            ?? (this.inbound.servesWidgetVisitors ? await this.conversations.adoptOpenRoom(this.platform.source, visitorToken, this.inbound.departmentSetting) : undefined);
    }

    private async applyOnce(event: InboundEvent, open: ConversationLink | undefined): Promise<void> {
        switch (event.type) {
            case 'open': {
                if (open) {
                    return;
                }
                const link = await this.openRoom(event.origin);
                if (event.intro) {
                    await this.postOnce(link, link, (ids) => this.conversations.postContext(link, this.platform.label, event.intro!, [], ids), event);
                }
                return;
            }
            case 'user-message': {
                const opened = open ? undefined : event.opensRoomFrom && (await this.openRoom(event.opensRoomFrom));
                const link = open ?? opened;
                if (link) {
                    await this.postOnce(link, opened, (ids) => this.conversations.postFromVisitor(link, event.text, event.files, ids?.(0)), event);
                } else {
                    this.context.logger.debug(`${this.platform.source}: no open room for ${event.visitorToken}; message not mirrored`);
                }
                return;
            }
            case 'context': {
                const opened = open ? undefined : event.opensRoomFrom && (await this.openRoom(event.opensRoomFrom));
                const link = open ?? opened;
                if (link) {
                    await this.postOnce(link, opened, (ids) => this.conversations.postContext(link, event.speaker, event.text, event.files, ids), event);
                }
                return;
            }
            case 'close':
                if (open) {
                    await this.conversations.closeFromSource(open, event.comment);
                }
                return;
            case 'bot-reply': {
                const opened = open ? undefined : event.opensRoomFrom && (await this.openRoom(event.opensRoomFrom));
                const link = open ?? opened;
                if (!link) {
                    this.context.logger.debug(`${this.platform.source}: no room for ${event.visitorToken}; bot reply not posted`);
                    return;
                }
                await this.postBotReply(link, opened, event);
                return;
            }
        }
    }

    /**
     * Posts the event's message(s) under ids derived from its id (none without one). When the
     * event was posted already, a room this attempt opened for it gives way to the room that has
     * the message, and DuplicateMessageError goes on up.
     */
    private async postOnce(link: ConversationLink, opened: ConversationLink | undefined, post: (ids: ((part: number) => string) | undefined) => Promise<unknown>, event: InboundEvent): Promise<void> {
        const { eventId } = event;
        const ids = eventId ? (part: number) => derivedMessageId(link.visitorToken, `${this.platform.source}:${event.type}:${eventId}`, part) : undefined;
        try {
            await post(ids);
        } catch (error) {
            if (error instanceof DuplicateMessageError && opened && error.roomId !== opened.roomId) {
                await this.conversations.giveWayTo(opened, error.roomId);
            }
            throw error;
        }
    }

    private async postBotReply(link: ConversationLink, opened: ConversationLink | undefined, event: Extract<InboundEvent, { type: 'bot-reply' }>): Promise<void> {
        if (event.private) {
            await this.conversations.notifyAgents(link, `${this.platform.label} (private): ${event.text}`);
        } else {
            await this.postOnce(link, opened, (ids) => this.conversations.postBotReply(link, event.text, event.attachments, ids), event);
        }
        if (event.choices.length > 0) {
            await this.conversations.rememberChoices(link, event.choices);
        }
        if (event.handover && this.inbound.handoverDepartmentSetting) {
            await this.conversations.handOverToHumans(link, this.inbound.handoverDepartmentSetting, `the ${this.platform.label} bot handed over`);
        }
    }

    private async openRoom(origin: ConversationOrigin): Promise<ConversationLink> {
        const departmentId = await this.conversations.departmentId(undefined, this.inbound.departmentSetting);
        const { token, name, email, phone } = origin.visitor;
        return this.conversations.open({
            source: this.platform.source,
            conversationKey: `${origin.platformConversation}@${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
            contactKey: token,
            contact: { name, email, phone, departmentId },
            visitorToken: this.inbound.servesWidgetVisitors ? token : undefined,
            externalIds: origin.externalIds,
            label: this.platform.label,
        });
    }
}
