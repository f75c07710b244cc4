import { Attempt } from './RecordingServer';

/** How much of a body a printed line shows. */
export const SHOWN_BODY = 320;

/**
 * One line for one request a fake platform received: time, platform, method, path (with its query),
 * the status it answered, and the start of the body on one line.
 * `12:00:01.250 gitple   POST /v1/hooks → 200 {"type":"message",…}`
 */
export function requestLine(platform: string, attempt: Attempt): string {
    const { request } = attempt;
    const query = request.query.toString();
    const body = request.raw.replace(/\s*\n\s*/g, ' ');
    const shown = body.length > SHOWN_BODY ? `${body.slice(0, SHOWN_BODY)}… (${body.length} characters)` : body;
    const outcome = attempt.answer === 'hang' ? 'caller gave up' : String(attempt.status ?? '…');
    const time = new Date(request.at).toISOString().slice(11, 23);
    return `${time} ${platform.padEnd(8)} ${request.method} ${request.path}${query ? `?${query}` : ''} → ${outcome}${shown ? ` ${shown}` : ''}`;
}
