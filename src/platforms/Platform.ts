import { IEnvironmentWrite } from '@rocket.chat/apps-engine/definition/accessors';
import { IApp } from '@rocket.chat/apps-engine/definition/IApp';
import { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import { ISetting } from '@rocket.chat/apps-engine/definition/settings';

import { AppContext } from '../context/AppContext';
import { JsonEndpoint } from '../http/JsonEndpoint';
import { Job } from '../scheduler/Job';
import { ConfigurationCheck } from '../status/ConfigurationCheck';
import { PlatformInbound } from './PlatformInbound';
import { PlatformOutbound } from './PlatformOutbound';

/** What a settings change hands a platform (Rocket.Chat gives no persistence or modify accessor there). */
export type SettingChangeContext = Pick<AppContext, 'appId' | 'read' | 'http' | 'settings' | 'logger'> & { readonly environment: IEnvironmentWrite };

/**
 * Everything the app knows about one platform, in its own folder: adding a platform is one
 * folder exporting one of these plus one line in the registry (and its i18n keys).
 */
export interface Platform {
    /** The id stored on its links and outbox items, and used in logs and `/tickets retry <source>`. */
    readonly source: string;
    /** The platform's name as people write it (room source, context labels, errors, status). */
    readonly label: string;
    /** Its settings, in the order the admin sees them (ids are interface: never rename one). */
    readonly settings: ReadonlyArray<ISetting>;
    /** Its calls coming in: the endpoint named after it and the events they carry. */
    readonly inbound?: PlatformInbound;
    /** What goes out to it: agents' replies, closes, and where they are sent. */
    readonly outbound?: PlatformOutbound;
    /** Endpoints of its own besides the inbound one. */
    endpoints?(app: IApp): Array<JsonEndpoint>;
    /** Scheduler jobs of its own. */
    readonly jobs?: ReadonlyArray<{ readonly id: string; readonly run: Job }>;
    /** Reacts to a message sent in Rocket.Chat (after the agent-reply handling every platform gets). */
    onMessageSent?(message: IMessage, context: AppContext): Promise<void>;
    /** Reacts to one of the app's settings being saved (its own or any other). */
    onSettingChanged?(setting: ISetting, context: SettingChangeContext): Promise<void>;
    /** Reports every setting and department it needs that is missing or wrong. */
    checkConfiguration(check: ConfigurationCheck): Promise<void>;
}
