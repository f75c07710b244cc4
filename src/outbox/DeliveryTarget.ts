import { IEnvironmentWrite, IHttpResponse, IRead } from '@rocket.chat/apps-engine/definition/accessors';

import { AppSettings } from '../settings/AppSettings';
import { OutboxItem } from './OutboxItem';

/** An HTTP request ready to send; `body` is the exact bytes (signatures are computed over them). */
export interface OutboundRequest {
    url: string;
    headers: Record<string, string>;
    body: string;
}

/** Not sendable yet (e.g. the receiver's URL is not configured): kept and retried later. */
export interface NotReady {
    notReady: string;
}

export interface DeliveryContext {
    read: IRead;
    settings: AppSettings;
    /** The app's environment writer (settings a target keeps current), when the run has one. */
    environment?: IEnvironmentWrite;
}

/** Where one source's outbound items go: turns an item into a request, and reads the receiver's error text. */
export interface DeliveryTarget {
    prepare(item: OutboxItem, context: DeliveryContext): Promise<OutboundRequest | NotReady>;
    errorText(response: IHttpResponse): string;
}

export function isNotReady(value: OutboundRequest | NotReady): value is NotReady {
    return (value as NotReady).notReady !== undefined;
}
