import { enAlerts } from './enAlerts';
import { OperatorTexts } from './OperatorTexts';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export const en: OperatorTexts = {
    effect: {
        'calls-refused': (platform) => `${platform}'s calls are refused`,
        'calls-refused-replies-not-sent': (platform) => `${platform}'s calls are refused and replies cannot be sent`,
        'replies-not-sent': () => 'replies cannot be sent',
        'messages-not-read': () => 'end users\' messages cannot be read and replies cannot be sent',
        'bot-not-reached': (platform) => `${platform}'s calls are refused and visitors' messages cannot reach the bot`,
        'no-bot-department': (platform) => `${platform}'s calls are refused: no department is served by the bot`,
        'no-handover': () => 'a visitor asking for a human stays with the bot',
    },
    emptySetting: (setting, effect) => `${setting} is empty: ${effect}`,
    unknownDepartment: (setting, value) => `${setting} names "${value}", which is not a department`,
    notConnected: (platform, call) => `${platform} has not connected yet (it calls ${call} when it is set up): agents' replies cannot be sent`,

    notAllowed: 'Sorry, /tickets is for administrators only.',
    help: (sources) => [
        '*/tickets* (administrators only)',
        '`/tickets status`: each source\'s configuration, traffic and outbox, and the parked deliveries',
        '`/tickets retry`: send every parked delivery again',
        `\`/tickets retry <source>\`: only those of one source (${sources})`,
        '`/tickets retry <item id>`: one parked delivery (its id is in the status)',
        '`/tickets help`: this help',
    ].join('\n'),
    unknownSubcommand: (given) => `Unknown subcommand "${given}".`,

    statusTitle: '*Tickets: status*',
    on: 'on',
    off: 'off',
    configured: 'configured',
    notConfigured: 'not configured',
    openRooms: (count) => plural(count, 'open room', 'open rooms'),
    queued: (count) => `${count} queued`,
    parked: (count) => `${count} parked`,
    parkedTitle: (shown, total) => (shown < total ? `*Parked deliveries* (the newest ${shown} of ${total})` : `*Parked deliveries* (${total}, newest first)`),
    parkedLine: (item) => `${item.source} ${item.kind} in room \`${item.room}\`, parked ${item.parkedAt} after ${plural(item.attempts, 'attempt', 'attempts')}: ${item.reason} (id \`${item.id}\`)`,
    noneParked: 'No delivery is parked.',
    retryHint: 'Send them again with `/tickets retry`, `/tickets retry <source>` or `/tickets retry <item id>`.',

    retried: (count) => `${plural(count, 'parked delivery', 'parked deliveries')} sent again: each goes back to its conversation's queue in the order its events happened.`,
    nothingToRetry: 'Nothing was parked: there is nothing to send again.',
    stillParked: (count) => `${count} are still parked: run the command again to send them.`,
    unknownRetryTarget: (given, sources) => `"${given}" is neither a source (${sources}) nor the id of a parked delivery.`,

    alertRoomMissing: (room) => `alert_room names "${room}", but no room has that name: alerts cannot be posted`,
    alertRoomNotChannel: (room) => `alert_room names "${room}", which is not a channel or a private group: alerts are not posted there`,
    alertRoomRefused: (room, error, at) => `Rocket.Chat refused the bot's post in "${room}" (${at}): alerts cannot be posted there until that is fixed. Its answer: ${error}`,
    alertsOff: '*Alerts*: off (alert_room is empty)',
    alertsIn: (room, active) => `*Alerts* in "${room}": ${active} active`,
    alert: enAlerts,
};
