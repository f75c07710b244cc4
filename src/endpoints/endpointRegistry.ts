import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { BridgeEndpoint } from '../bridges/BridgeEndpoint';
import { BRIDGE_ADAPTERS } from '../bridges/bridgeAdapters';
import { FileEndpoint } from '../files/FileEndpoint';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { ChatdayRegisterEndpoint } from '../platforms/chatday/ChatdayRegisterEndpoint';
import { UchatSetupEndpoint } from '../platforms/uchat/UchatSetupEndpoint';
import { RapidProSettingsEndpoint } from '../platforms/rapidpro/RapidProSettingsEndpoint';
import { RoomCloseEndpoint } from '../platforms/rapidpro/RoomCloseEndpoint';
import { RoomEndpoint } from '../platforms/rapidpro/RoomEndpoint';
import { VisitorMessageEndpoint } from '../platforms/rapidpro/VisitorMessageEndpoint';
import { OutboxRetryEndpoint } from './OutboxRetryEndpoint';
import { SecretCheckEndpoint } from './SecretCheckEndpoint';
import { StatusEndpoint } from './StatusEndpoint';

/** Every public endpoint of the contract in design.md, one line each. */
export function buildEndpoints(app: IApp): Array<JsonEndpoint> {
    return [
        ...BRIDGE_ADAPTERS.map((adapter) => new BridgeEndpoint(app, adapter)),
        new ChatdayRegisterEndpoint(app),
        new UchatSetupEndpoint(app),
        new SecretCheckEndpoint(app),
        new StatusEndpoint(app),
        new OutboxRetryEndpoint(app),
        new RapidProSettingsEndpoint(app),
        new RoomEndpoint(app),
        new RoomCloseEndpoint(app),
        new VisitorMessageEndpoint(app),
        new FileEndpoint(app),
    ];
}
