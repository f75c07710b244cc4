import { IInternalFederationBridge } from '@rocket.chat/apps-engine/server/bridges/IInternalFederationBridge';
import { generateKeyPairSync } from 'crypto';

/**
 * The server's key pair, which the engine's AppSignatureManager signs installed apps with.
 * Like a real server's, it stays the same across engine restarts (else stored apps would
 * fail their signature check when reloaded).
 */
const SERVER_KEYS = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});

export class HostFederationBridge implements IInternalFederationBridge {
    private readonly keys = SERVER_KEYS;

    public async getPrivateKey(): Promise<string | null> {
        return this.keys.privateKey;
    }

    public async getPublicKey(): Promise<string | null> {
        return this.keys.publicKey;
    }
}
