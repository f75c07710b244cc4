import { ChatdayOutbound } from '../platforms/chatday/ChatdayOutbound';
import { CloserOutbound } from '../platforms/closer/CloserOutbound';
import { GitpleOutbound } from '../platforms/gitple/GitpleOutbound';
import { UchatOutbound } from '../platforms/uchat/UchatOutbound';
import { RapidProOutbound } from '../platforms/rapidpro/RapidProOutbound';
import { OutboundAdapter } from './OutboundAdapter';

/** Every source's outward half, one line each. */
const ADAPTERS: ReadonlyArray<OutboundAdapter> = [new RapidProOutbound(), new GitpleOutbound(), new ChatdayOutbound(), new UchatOutbound(), new CloserOutbound()];

const BY_SOURCE = new Map(ADAPTERS.map((adapter) => [adapter.source, adapter]));

/** Every source that sends outbound deliveries (each has its own delivery lane). */
export const OUTBOUND_SOURCES: ReadonlyArray<string> = ADAPTERS.map((adapter) => adapter.source);

export function outboundAdapter(source: string): OutboundAdapter | undefined {
    return BY_SOURCE.get(source);
}
