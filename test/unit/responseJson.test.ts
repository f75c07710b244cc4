import { IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { responseJson } from '../../src/http/responseJson';
import { receiverErrorText } from '../../src/outbox/receiverErrorText';

const answer = (fields: Partial<IHttpResponse>): IHttpResponse => ({ url: 'https://x', method: 'post' as IHttpResponse['method'], statusCode: 400, ...fields });

describe('responseJson (Rocket.Chat parses `data` only for JSON content types)', () => {
    it('takes data when Rocket.Chat parsed it', () => {
        expect(responseJson(answer({ data: { a: 1 }, content: '{"a":1}' }))).toEqual({ a: 1 });
    });

    it('parses the body when data is null (JSON sent as text/plain or text/html)', () => {
        expect(responseJson(answer({ data: null, content: ' {"error":"unable to fetch attachment"}\n' }))).toEqual({ error: 'unable to fetch attachment' });
    });

    it('gives undefined for a body that is not JSON, or none', () => {
        expect(responseJson(answer({ data: null, content: '<html>Bad Gateway</html>' }))).toBeUndefined();
        expect(responseJson(answer({ data: null, content: '' }))).toBeUndefined();
        expect(responseJson(answer({}))).toBeUndefined();
    });

    it('lets the receiver\'s own error field reach status whatever the content type', () => {
        expect(receiverErrorText(answer({ data: null, content: '{"error":"unable to fetch attachment"}' }))).toBe('unable to fetch attachment');
        expect(receiverErrorText(answer({ data: null, content: 'plain words' }))).toBe('plain words');
    });
});
