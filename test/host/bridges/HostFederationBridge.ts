import { generateKeyPairSync } from 'crypto';
import { IInternalFederationBridge } from '@rocket.chat/apps-engine/server/bridges/IInternalFederationBridge';

/** The key pair the engine's AppSignatureManager signs installed apps with. */
export class HostFederationBridge implements IInternalFederationBridge {
    private readonly keys = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });

    public async getPrivateKey(): Promise<string | null> {
        return this.keys.privateKey;
    }

    public async getPublicKey(): Promise<string | null> {
        return this.keys.publicKey;
    }
}
