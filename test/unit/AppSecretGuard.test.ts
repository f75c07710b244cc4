import { HttpError } from '../../src/http/HttpError';
import { requireAppSecret } from '../../src/security/AppSecretGuard';
import { AppSettings } from '../../src/settings/AppSettings';

const settingsWith = (secret: unknown) => new AppSettings(async (id) => (id === 'app_secret' ? secret : undefined));

async function statusOf(headers: Record<string, string>, ...configured: Array<unknown>): Promise<number> {
    const secret = configured.length > 0 ? configured[0] : 'the-secret';
    try {
        await requireAppSecret(headers, settingsWith(secret));
        return 200;
    } catch (error) {
        if (error instanceof HttpError) {
            return error.status;
        }
        throw error;
    }
}

describe('requireAppSecret', () => {
    it('accepts "Token <secret>" in any header case, with surrounding whitespace trimmed on both sides', async () => {
        expect(await statusOf({ authorization: 'Token the-secret' })).toBe(200);
        expect(await statusOf({ Authorization: 'token the-secret' })).toBe(200);
        expect(await statusOf({ authorization: '  Token   the-secret  ' })).toBe(200);
        expect(await statusOf({ authorization: 'Token the-secret' }, '  the-secret \n')).toBe(200);
    });

    it('answers 401 for a missing, malformed or wrong token', async () => {
        expect(await statusOf({})).toBe(401);
        expect(await statusOf({ authorization: '' })).toBe(401);
        expect(await statusOf({ authorization: 'the-secret' })).toBe(401);
        expect(await statusOf({ authorization: 'Bearer the-secret' })).toBe(401);
        expect(await statusOf({ authorization: 'Token ' })).toBe(401);
        expect(await statusOf({ authorization: 'Token the-secreT' })).toBe(401);
        expect(await statusOf({ authorization: 'Token the-secret-and-more' })).toBe(401);
    });

    it('answers 503 telling the admin what to set when no secret is configured', async () => {
        await expect(requireAppSecret({ authorization: 'Token x' }, settingsWith(''))).rejects.toThrow(/App Secret/);
        expect(await statusOf({ authorization: 'Token x' }, undefined)).toBe(503);
        expect(await statusOf({ authorization: 'Token x' }, '   ')).toBe(503);
    });

    it('never echoes the given or the configured secret', async () => {
        await expect(requireAppSecret({ authorization: 'Token wrong-guess' }, settingsWith('the-secret'))).rejects.toThrow(
            expect.objectContaining({ message: expect.not.stringMatching(/wrong-guess|the-secret/) }),
        );
    });
});
