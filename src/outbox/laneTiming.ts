/**
 * Time limits of a lane run. Rocket.Chat gives every call into an app 30 seconds
 * (APPS_ENGINE_RUNTIME_TIMEOUT) before it gives up on it and marks the job failed, so a run
 * starts no attempt after RUN_BUDGET_MS and an attempt lasts at most MAX_ATTEMPT_TIMEOUT_MS.
 */
export const LANE_TIMING = {
    /** No new attempt starts later than this into a run; the next run takes over. */
    RUN_BUDGET_MS: 10_000,
    /** Ceiling of `delivery_timeout_seconds` for deliveries. */
    MAX_ATTEMPT_TIMEOUT_MS: 15_000,
    /** While attempts are in flight, the run looks for newly queued items this often. */
    POLL_MS: 1_000,
    /** Conversations of one lane delivered at the same time. */
    PARALLEL_CONVERSATIONS: 8,
    /** The lane's recurring job runs this often while items are due soon (Agenda's human interval). */
    INTERVAL: '1 second',
    /** A run keeps the lane's job while an item is due within this; otherwise it removes the job and the sweep arms it again when an item is due. */
    KEEP_ARMED_MS: 20_000,
    /**
     * An item goes out no sooner than this after the event happened in Rocket.Chat (its
     * timestamp): handlers of one conversation's events run concurrently, on any instance, so a
     * reply whose handler finished late still takes its place in the order.
     */
    ORDER_GRACE_MS: 1_000,
};
