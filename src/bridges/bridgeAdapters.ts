import { ChatdayInbound } from '../platforms/chatday/ChatdayInbound';
import { CloserInbound } from '../platforms/closer/CloserInbound';
import { BridgeAdapter } from './BridgeAdapter';

/** Every bridged platform's inward half, one line each. */
export const BRIDGE_ADAPTERS: ReadonlyArray<BridgeAdapter> = [new ChatdayInbound(), new CloserInbound()];
