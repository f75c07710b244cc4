import { DeliveryTarget } from '../outbox/DeliveryTarget';
import { ConversationLink } from '../links/ConversationLink';
import { AgentReply } from '../outbound/AgentReply';

/** The outward half of a source: what to send for an agent's reply and for a closed room. */
export interface OutboundAdapter {
    readonly source: string;
    readonly target: DeliveryTarget;
    /**
     * How files uploaded to Rocket.Chat are linked: `rocket.chat` keeps Rocket.Chat's own
     * `<Site_Url>/file-upload/…` links (the receiver downloads with Rocket.Chat credentials);
     * `signed` gives expiring signed links to the app's `file` endpoint, for receivers that hold none.
     */
    readonly fileLinks: 'rocket.chat' | 'signed';
    /** Payloads (in order) for an agent's reply; several when the platform wants files as separate messages. */
    agentReply(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>>;
    /** The payload telling the platform the room was closed, or undefined when it has no way to take it. */
    roomClosed(link: ConversationLink): Record<string, unknown> | undefined;
}
