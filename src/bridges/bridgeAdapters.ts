import { ChatdayInbound } from '../platforms/chatday/ChatdayInbound';
import { CloserInbound } from '../platforms/closer/CloserInbound';
import { GitpleInbound } from '../platforms/gitple/GitpleInbound';
import { UchatInbound } from '../platforms/uchat/UchatInbound';
import { BridgeAdapter } from './BridgeAdapter';

/** Every bridged platform's inward half, one line each. */
export const BRIDGE_ADAPTERS: ReadonlyArray<BridgeAdapter> = [new GitpleInbound(), new ChatdayInbound(), new UchatInbound(), new CloserInbound()];
