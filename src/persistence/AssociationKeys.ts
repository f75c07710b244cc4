import { RocketChatAssociationModel, RocketChatAssociationRecord } from '@rocket.chat/apps-engine/definition/metadata';

const misc = (id: string): RocketChatAssociationRecord => new RocketChatAssociationRecord(RocketChatAssociationModel.MISC, id);

/**
 * The one place that names persistence keys. Every lookup the app makes is a keyed read
 * on one of these, never a scan.
 */
export const AssociationKeys = {
    /** Which kind of record this is (combined with a specific key so reads stay precise). */
    kind: (kind: string): RocketChatAssociationRecord => misc(`kind:${kind}`),
    /** The conversation link of a room. */
    roomLink: (roomId: string): RocketChatAssociationRecord => new RocketChatAssociationRecord(RocketChatAssociationModel.ROOM, roomId),
    /** The conversation link of a platform conversation (source + its own key). */
    conversationLink: (source: string, conversationKey: string): RocketChatAssociationRecord => misc(`conversation:${source}:${conversationKey}`),
    /** Marks a source's open conversations (one marker per open room), so they can be counted with a keyed read. */
    openLinks: (source: string): RocketChatAssociationRecord => misc(`open-links:${source}`),
    openLinkOfRoom: (roomId: string): RocketChatAssociationRecord => misc(`open-link:${roomId}`),
    /** A closed conversation's entry in the index of the UTC day (`YYYY-MM-DD`) it closed on: what the retention job reads. */
    closedOn: (day: string): RocketChatAssociationRecord => misc(`closed-on:${day}`),
    /** The closed-day index entry of a room's conversation. */
    closedLinkOfRoom: (roomId: string): RocketChatAssociationRecord => misc(`closed-link:${roomId}`),
    /** A UTC day on which conversations closed, kept until the retention job has forgotten every one of them. */
    closedDay: (day: string): RocketChatAssociationRecord => misc(`closed-day:${day}`),
    /** The retention job's own record: how far the one-time indexing of links closed before the index existed has come. */
    retentionState: (): RocketChatAssociationRecord => misc('retention-state'),
    /**
     * An end user's latest conversation of one source, keyed by the platform's own key for the
     * end user (as the platform sends it, or `<platform>:…`). Before visitor tokens
     * were derived that key was also the visitor token, so links stored then are found the same way.
     */
    visitorConversation: (source: string, contactKey: string): RocketChatAssociationRecord => misc(`visitor:${source}:${contactKey}`),
    /** A platform end user's events kept, in order, until Rocket.Chat can open their room (no agent was online). */
    pendingInbound: (source: string, visitorToken: string): RocketChatAssociationRecord => misc(`pending-inbound:${source}:${visitorToken}`),
    /** Outbound deliveries waiting for one conversation, in order. */
    outboxQueue: (conversationId: string): RocketChatAssociationRecord => misc(`outbox:${conversationId}`),
    /** Outbound deliveries (waiting or parked) of one source: what its delivery lane works on. */
    outboxSource: (source: string): RocketChatAssociationRecord => misc(`outbox-source:${source}`),
    /** One outbound delivery. */
    outboxItem: (itemId: string): RocketChatAssociationRecord => misc(`outbox-item:${itemId}`),
    /** Outbound deliveries given up on for one conversation (kept for operators). */
    outboxParked: (conversationId: string): RocketChatAssociationRecord => misc(`outbox-parked:${conversationId}`),
    /** A platform's own single record (e.g. the callback settings it gave), by the platform's source id and a name. */
    platformRecord: (source: string, name: string): RocketChatAssociationRecord => misc(`${source}:${name}`),
    /** Candidates for the installation secret visitor tokens are derived from (see InstallationSecret). */
    installationSecret: (): RocketChatAssociationRecord => misc('installation-secret'),
    /** Counters and last errors per source, for the status endpoint. */
    sourceStats: (source: string): RocketChatAssociationRecord => misc(`stats:${source}`),
    /** Counts of refused inbound requests of one source and reason (the records of all sources also carry `kind('refusals')`). */
    refusalStats: (source: string, reason: string): RocketChatAssociationRecord => misc(`refusals:${source}:${reason}`),
    /** The alert job's state (conditions alerted, posts of the last hour, the alert room). */
    alertState: (): RocketChatAssociationRecord => misc('alert-state'),
    /** When a source's receiver last took a delivery that had failed before (the end of a failure streak). */
    receiverRecovery: (source: string): RocketChatAssociationRecord => misc(`receiver-recovery:${source}`),
};
