import { HttpError } from '../../src/http/HttpError';

/** Runs `fn`, expects it to throw an HttpError with status 400, and returns that error. */
export function badRequest(fn: () => unknown): HttpError {
    try {
        fn();
    } catch (error) {
        expect(error).toBeInstanceOf(HttpError);
        expect((error as HttpError).status).toBe(400);
        return error as HttpError;
    }
    throw new Error('expected an HttpError with status 400, but nothing was thrown');
}
