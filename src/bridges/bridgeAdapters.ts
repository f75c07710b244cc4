import { ChatdayInbound } from '../platforms/chatday/ChatdayInbound';
import { BridgeAdapter } from './BridgeAdapter';

/** Every bridged platform's inward half, one line each. */
export const BRIDGE_ADAPTERS: ReadonlyArray<BridgeAdapter> = [new ChatdayInbound()];
