import { DeliveryTarget } from '../outbox/DeliveryTarget';
import { ConversationLink } from '../links/ConversationLink';
import { AgentReply } from '../outbound/AgentReply';

/** The outward half of a source: what to send for an agent's reply and for a closed room. */
export interface OutboundAdapter {
    readonly source: string;
    readonly target: DeliveryTarget;
    /** Payloads (in order) for an agent's reply; several when the platform wants files as separate messages. */
    agentReply(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>>;
    /** The payload telling the platform the room was closed, or undefined when it has no way to take it. */
    roomClosed(link: ConversationLink): Record<string, unknown> | undefined;
}
