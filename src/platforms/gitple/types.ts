/*
 * Gitple's payloads as its Event API and Open API documentation gives them. All times are
 * UTC ISO dates. Gitple signs each event with `X-Hub-Signature: sha256=<HMAC of the body>`.
 */

/** What every event carries. */
type GitpleEventBase = {
    triggerId: string;
    ctime: string;
    appCode: string;
};

/** The session an event is about. */
export type GitpleSession = {
    id: string;
    openTime?: string;
    inprogressTime?: string;
    closeTime?: string;
    /** Why it closed, e.g. `userCancel`, `agentClose`. */
    reason?: string;
    userId: string;
    userGroups?: Array<string>;
    assigneeType?: string;
    assigneeId?: string;
    categories?: Array<string>;
    tags?: Array<string>;
    note?: string;
};

/** A session was created, assigned to an agent, or ended (the same session block for all three). */
export type GitpleSessionStateEvent = GitpleEventBase & {
    type: 'session_state_open' | 'session_state_inprogress' | 'session_state_close';
    session: GitpleSession;
};

/** A Gitple agent sent a message to a customer from the customer-info view. */
export type GitpleExternalMessageEvent = GitpleEventBase & {
    type: 'send_external_message';
    from: { type: 'agent'; id: string };
    to: {
        type: 'user';
        id: string;
        identifier?: string;
        anonymous?: boolean;
        name?: string;
        email?: string;
        phone?: string;
        lang?: string;
        groups?: Array<string>;
        tags?: Array<string>;
        meta?: Record<string, string>;
    };
    message: { type: 'text/plain'; content: string };
};

export type GitpleEvent = GitpleSessionStateEvent | GitpleExternalMessageEvent;

/** A piece of message content: text, a link `{l:{u: URL, m: MIME type}}`, an emoji `{e:{alt}}`, or `{t: text}` (hooks). */
export type GitpleContentPiece = string | { t: string } | { l: { u: string; m?: string } } | { e: { alt: string } };

export type GitpleContent = GitpleContentPiece | Array<GitpleContentPiece>;

/** One line of `GET /v1/exports/sessions/:id/messages` (Open API). */
export type GitpleSessionLine = {
    id: string;
    senderType: 'agent' | 'user' | 'bot' | 'sys';
    senderId?: string;
    content: GitpleContent;
    ctime: string;
};

/** `GET /v1/exports/sessions/:id/messages`: a list, or a page `{data|items, next}` whose `next` is the next page's URL. */
export type GitpleSessionLinesPage = Array<GitpleSessionLine> | { data?: Array<GitpleSessionLine>; items?: Array<GitpleSessionLine>; next?: string | null };

/** `GET /v1/exports/users/:id` (Open API): the user's profile, bare or under `data`. */
export type GitpleUserProfile = {
    name?: string;
    email?: string;
    phone?: string;
    identifier?: string;
};

/** `POST /v1/hooks` (Open API, headers `app-code` and `secret`): a message to a Gitple user. */
export type GitpleHookMessage = {
    type: 'message';
    identifier: string;
    anonymous: boolean;
    lang: string;
    content: Array<{ t: string } | { l: { u: string; m: string } }>;
};
