import { BearerJsonTarget } from '../../outbox/BearerJsonTarget';
import { SettingId } from '../../settings/SettingId';
import { OutboundAdapter } from '../../sources/OutboundAdapter';
import { UCHAT_SOURCE } from './UchatInbound';

/**
 * UChat's outward half: visitors' messages go to the bot (see UchatVisitorRelay) through
 * this target. Rocket.Chat agents' replies are not sent to UChat (after a handover the
 * room is theirs), and UChat has no close to receive.
 */
export class UchatOutbound implements OutboundAdapter {
    public readonly source = UCHAT_SOURCE;
    public readonly target = new BearerJsonTarget(SettingId.UchatBotUrl, SettingId.UchatFlowApiKey);
    public readonly fileLinks = 'signed';

    public agentReply(): Array<Record<string, unknown>> {
        return [];
    }

    public roomClosed(): undefined {
        return undefined;
    }
}
