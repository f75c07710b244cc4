import { IEnvironmentWrite, IHttpResponse } from '@rocket.chat/apps-engine/definition/accessors';

import { AppContext } from '../context/AppContext';
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

/** The part of the app's context a target uses, plus the environment writer (settings a target keeps current) when the run has one. */
export type DeliveryContext = Pick<AppContext, 'read' | 'settings'> & { readonly environment?: IEnvironmentWrite };

/** Where one source's outbound items go: turns an item into a request, and reads the receiver's error text. */
export interface DeliveryTarget {
    prepare(item: OutboxItem, context: DeliveryContext): Promise<OutboundRequest | NotReady>;
    errorText(response: IHttpResponse): string;
}

export function isNotReady(value: OutboundRequest | NotReady): value is NotReady {
    return (value as NotReady).notReady !== undefined;
}
