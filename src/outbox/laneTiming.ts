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
    /**
     * A run armed for time T is taken to be pending or running until T + this; after that it
     * is considered lost (e.g. its instance stopped) and the lane may be armed again.
     */
    RUN_WINDOW_MS: 35_000,
};
