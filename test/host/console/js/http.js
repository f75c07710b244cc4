// Calls to the local Rocket.Chat: its playground API (/host/…), Rocket.Chat's widget API, and the
// app's endpoints through POST /host/app-call (the server adds the caller's credentials).

/** A JSON call; resolves with {status, json}, never throws for an HTTP error status. */
export async function call(method, path, body, headers = {}) {
    const init = { method, headers: { ...headers } };
    if (body instanceof FormData) {
        init.body = body;
    } else if (body !== undefined) {
        init.headers['content-type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json;
    try {
        json = text ? JSON.parse(text) : undefined;
    } catch {
        json = text;
    }
    return { status: response.status, json };
}

/** A call that must succeed: the answer's JSON, or an Error carrying the server's own message. */
export async function must(method, path, body, headers) {
    const answer = await call(method, path, body, headers);
    if (answer.status >= 400) {
        throw new Error(errorText(answer));
    }
    return answer.json;
}

export const getJson = (path) => must('GET', path);

/** The server's words for a refusal: `error` of a JSON answer, else the status. */
export function errorText(answer) {
    const json = answer.json;
    const said = json && typeof json === 'object' ? json.error ?? json.message : json;
    return `HTTP ${answer.status}${said ? `: ${typeof said === 'string' ? said : JSON.stringify(said)}` : ''}`;
}

/** Calls an app endpoint as `as` (rapidpro, chatday, gitple, closer) calls it; resolves with the app's {status, body}. */
export function appCall(as, method, path, body, query) {
    return must('POST', '/host/app-call', { as, method, path, body, query });
}
