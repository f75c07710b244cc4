import { IApp } from '@rocket.chat/apps-engine/definition/IApp';

import { BridgeEndpoint } from '../bridges/BridgeEndpoint';
import { FileEndpoint } from '../files/FileEndpoint';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { eachOf } from '../platforms/eachOf';
import { PLATFORMS } from '../platforms/registry';
import { MetricsEndpoint } from './MetricsEndpoint';
import { OutboxRetryEndpoint } from './OutboxRetryEndpoint';
import { StatusEndpoint } from './StatusEndpoint';

/** Every public endpoint: each platform's inbound endpoint and its own ones, then the app's. */
export function buildEndpoints(app: IApp): Array<JsonEndpoint> {
    return [
        ...eachOf(PLATFORMS, (platform) => [
            ...(platform.inbound ? [new BridgeEndpoint(app, platform, platform.inbound)] : []),
            ...(platform.endpoints ? platform.endpoints(app) : []),
        ]),
        new StatusEndpoint(app),
        new OutboxRetryEndpoint(app),
        new MetricsEndpoint(app),
        new FileEndpoint(app),
    ];
}
