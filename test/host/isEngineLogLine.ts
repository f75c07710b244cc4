/**
 * Lines the engine's runtime writes into the app's log itself (not the app): on 1.62 JSON records
 * and "<path>'s api:<path>:<method> is being executed..."; before, "'<method>' is being called...",
 * "'<method>' was successfully called! The result is: …" and "'<method>' was unsuccessful.".
 */
export function isEngineLogLine(text: string): boolean {
    return text.startsWith('{')
        || / is being executed\.\.\./.test(text)
        || /^'\w+' (is being called\.\.\.|was successfully called! The result is:|was unsuccessful\.)/.test(text);
}
