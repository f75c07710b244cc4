import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { NotYetAvailableEndpoint } from './NotYetAvailableEndpoint';
import { SecretCheckEndpoint } from './SecretCheckEndpoint';
import { StatusEndpoint } from './StatusEndpoint';

/** Every public endpoint of the contract in design.md, one line each. */
export function buildEndpoints(app: IApp): Array<JsonEndpoint> {
    return [
        new SecretCheckEndpoint(app),
        new StatusEndpoint(app),
        new NotYetAvailableEndpoint(app, 'settings', ['get', 'put']),
        new NotYetAvailableEndpoint(app, 'room', ['get', 'post']),
        new NotYetAvailableEndpoint(app, 'room.close', ['get', 'post']),
        new NotYetAvailableEndpoint(app, 'visitor-message', ['post']),
        new NotYetAvailableEndpoint(app, 'gitple', ['post']),
        new NotYetAvailableEndpoint(app, 'chatday', ['get', 'post']),
        new NotYetAvailableEndpoint(app, 'uchat', ['get', 'post']),
        new NotYetAvailableEndpoint(app, 'closer', ['post']),
    ];
}
