import { IAppAccessors, IConfigurationExtend, IConfigurationModify, IHttp, ILogger, IModify, IPersistence, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { ApiSecurity, ApiVisibility } from '@rocket.chat/apps-engine/definition/api';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { ILivechatRoom, IPostLivechatRoomClosed } from '@rocket.chat/apps-engine/definition/livechat';
import { IMessage, IPostMessageSent } from '@rocket.chat/apps-engine/definition/messages';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import { TicketsCommand } from './src/command/TicketsCommand';
import { contextOf } from './src/context/contextOf';
import { buildEndpoints } from './src/endpoints/endpointRegistry';
import { onMessageSent } from './src/events/onMessageSent';
import { handleRoomClosed } from './src/events/RoomClosedHandler';
import { buildProcessors } from './src/scheduler/buildProcessors';
import { onSettingChanged } from './src/settings/onSettingChanged';
import { SETTINGS } from './src/settings/settingDefinitions';

/** Tickets: wiring only. Every behaviour lives in src/, one job per file. */
export class TicketsApp extends App implements IPostMessageSent, IPostLivechatRoomClosed {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    public async executePostMessageSent(message: IMessage, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
        await onMessageSent(message, contextOf(this, read, modify, http, persistence));
    }

    public async executePostLivechatRoomClosed(room: ILivechatRoom, read: IRead, http: IHttp, persistence: IPersistence, modify?: IModify): Promise<void> {
        if (modify) {
            await handleRoomClosed(room, contextOf(this, read, modify, http, persistence));
        }
    }

    public async onSettingUpdated(setting: ISetting, _configurationModify: IConfigurationModify, read: IRead, http: IHttp): Promise<void> {
        await onSettingChanged(setting, read, http, this.getAccessors().environmentWriter, this.getID(), this.getLogger());
    }

    protected async extendConfiguration(configuration: IConfigurationExtend): Promise<void> {
        await Promise.all(SETTINGS.map((setting) => configuration.settings.provideSetting(setting)));
        await configuration.api.provideApi({
            visibility: ApiVisibility.PUBLIC,
            security: ApiSecurity.UNSECURE,
            endpoints: buildEndpoints(this),
        });
        await configuration.scheduler.registerProcessors(buildProcessors(this));
        await configuration.slashCommands.provideSlashCommand(new TicketsCommand(this));
    }
}
