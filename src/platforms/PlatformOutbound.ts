import { ConversationLink } from '../links/ConversationLink';
import { AgentReply } from '../outbound/AgentReply';
import { DeliveryTarget } from '../outbox/DeliveryTarget';

/** What goes out to a platform: agents' replies and closes (each optional), and where they are sent. */
export interface PlatformOutbound {
    readonly target: DeliveryTarget;
    /**
     * How files uploaded to Rocket.Chat are linked: `rocket.chat` keeps Rocket.Chat's own
     * `<Site_Url>/file-upload/…` links (the receiver downloads with Rocket.Chat credentials);
     * `signed` gives expiring signed links to the app's `file` endpoint, for receivers that hold none.
     */
    readonly fileLinks: 'rocket.chat' | 'signed';
    /** Payloads (in order) for an agent's reply; several when the platform wants files as separate messages. Absent: agents' replies are not sent. */
    agentReply?(link: ConversationLink, reply: AgentReply): Array<Record<string, unknown>>;
    /** The payload telling the platform the room was closed. Absent (or undefined): it has no way to take one. */
    roomClosed?(link: ConversationLink): Record<string, unknown> | undefined;
}
