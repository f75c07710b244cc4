import { AppBridges } from '@rocket.chat/apps-engine/server/bridges';

import { HostActivationBridge } from './bridges/HostActivationBridge';
import { HostApiBridge } from './bridges/HostApiBridge';
import { HostAppDetailChangesBridge } from './bridges/HostAppDetailChangesBridge';
import { HostCommandBridge } from './bridges/HostCommandBridge';
import { HostFederationBridge } from './bridges/HostFederationBridge';
import { HostHttpBridge } from './bridges/HostHttpBridge';
import { HostInternalBridge } from './bridges/HostInternalBridge';
import { HostLivechatBridge } from './bridges/HostLivechatBridge';
import { HostMessageBridge } from './bridges/HostMessageBridge';
import { HostPersistenceBridge } from './bridges/HostPersistenceBridge';
import { HostRoomBridge } from './bridges/HostRoomBridge';
import { HostSchedulerBridge } from './bridges/HostSchedulerBridge';
import { HostServerSettingBridge } from './bridges/HostServerSettingBridge';
import { HostUploadBridge } from './bridges/HostUploadBridge';
import { HostUserBridge } from './bridges/HostUserBridge';
import { unusedBridge } from './bridges/unusedBridge';
import { HostErrors } from './HostErrors';
import { HostStore } from './HostStore';
import { LivechatService } from './LivechatService';

/** The bridges the engine talks to: in-memory Rocket.Chat parts, real HTTP, real timers. */
export class HostBridges extends AppBridges {
    public readonly api = new HostApiBridge();
    public readonly activation = new HostActivationBridge();
    public readonly http = new HostHttpBridge();
    public readonly commands = new HostCommandBridge();
    public readonly scheduler: HostSchedulerBridge;
    private readonly federation = new HostFederationBridge();
    private readonly livechatBridge: HostLivechatBridge;
    private readonly messages: HostMessageBridge;
    private readonly persistence: HostPersistenceBridge;
    private readonly rooms: HostRoomBridge;
    private readonly users: HostUserBridge;
    private readonly serverSettings: HostServerSettingBridge;
    private readonly uploads: HostUploadBridge;
    private readonly internal: HostInternalBridge;
    public readonly detailChanges = new HostAppDetailChangesBridge();

    /** `instance` names this server instance (Agenda's lastModifiedBy on the jobs it saves). */
    constructor(store: HostStore, livechat: LivechatService, errors: HostErrors, instance = 'local') {
        super();
        this.scheduler = new HostSchedulerBridge(store.schedulerJobs, errors, instance);
        this.livechatBridge = new HostLivechatBridge(store, livechat);
        this.messages = new HostMessageBridge(store, livechat);
        this.persistence = new HostPersistenceBridge(store);
        this.rooms = new HostRoomBridge(store);
        this.users = new HostUserBridge(store, livechat);
        this.serverSettings = new HostServerSettingBridge(store);
        this.uploads = new HostUploadBridge(store);
        this.internal = new HostInternalBridge(store);
    }

    public getApiBridge() { return this.api; }
    public getAppActivationBridge() { return this.activation; }
    public getHttpBridge() { return this.http; }
    public getSchedulerBridge() { return this.scheduler; }
    public getInternalFederationBridge() { return this.federation; }
    public getLivechatBridge() { return this.livechatBridge; }
    public getMessageBridge() { return this.messages; }
    public getPersistenceBridge() { return this.persistence; }
    public getRoomBridge() { return this.rooms; }
    public getUserBridge() { return this.users; }
    public getServerSettingBridge() { return this.serverSettings; }
    public getUploadBridge() { return this.uploads; }
    public getInternalBridge() { return this.internal; }
    public getAppDetailChangesBridge() { return this.detailChanges; }
    public getCommandBridge() { return this.commands; }
    public getContactBridge() { return unusedBridge<never>('ContactBridge'); }
    public getEnvironmentalVariableBridge() { return unusedBridge<never>('EnvironmentalVariableBridge'); }
    public getListenerBridge() { return unusedBridge<never>('ListenerBridge'); }
    public getEmailBridge() { return unusedBridge<never>('EmailBridge'); }
    public getUiInteractionBridge() { return unusedBridge<never>('UiInteractionBridge'); }
    public getCloudWorkspaceBridge() { return unusedBridge<never>('CloudWorkspaceBridge'); }
    public getVideoConferenceBridge() { return unusedBridge<never>('VideoConferenceBridge'); }
    public getOAuthAppsBridge() { return unusedBridge<never>('OAuthAppsBridge'); }
    public getModerationBridge() { return unusedBridge<never>('ModerationBridge'); }
    public getThreadBridge() { return unusedBridge<never>('ThreadBridge'); }
    public getRoleBridge() { return unusedBridge<never>('RoleBridge'); }
    public getOutboundMessageBridge() { return unusedBridge<never>('OutboundMessageBridge'); }
    public getExperimentalBridge() { return unusedBridge<never>('ExperimentalBridge'); }
}
