import { AlertTexts } from './AlertTexts';

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

export const enAlerts: AlertTexts = {
    greeting: (failingMinutes, perHour) => `:bell: Tickets posts its alerts in this room: deliveries parked, receivers failing for ${failingMinutes} minutes, requests refused for a wrong signature or token, sources switched on without the settings they need. A line follows when each one clears; at most ${perHour} alerts an hour per source.`,
    appEndpoints: 'Tickets\' own endpoints',
    parked: (alert) => `:warning: *${alert.label}*: a delivery was parked. ${plural(alert.parked, 'delivery is', 'deliveries are')} parked now; the newest (room \`${alert.room}\`, id \`${alert.item}\`): ${alert.reason}. Once the receiver is fixed, send them again with \`/tickets retry ${alert.source}\``,
    parkedCleared: (label) => `:white_check_mark: *${label}*: no delivery is parked any more.`,
    failing: (alert) => `:warning: *${alert.label}*: every delivery attempt has failed for ${alert.minutes} minutes (since ${alert.since}); ${plural(alert.conversations, 'conversation is', 'conversations are')} waiting. Last error: ${alert.lastError}. The app keeps retrying; \`/tickets status\` shows each conversation's next attempt.`,
    failingCleared: (label) => `:white_check_mark: *${label}*: deliveries are no longer failing.`,
    refusals: (label, count, minutes) => `:warning: *${label}*: ${plural(count, 'request', 'requests')} refused for a wrong signature or token in the last ${minutes} minutes: someone probing the endpoint, or a secret changed on one side only. Check that the platform and the app's settings hold the same secret.`,
    refusalsCleared: (label, quietMinutes) => `:white_check_mark: *${label}*: no request refused for a wrong signature or token for ${quietMinutes} minutes.`,
    configuration: (label, problems) => [`:warning: *${label}* is switched on but not configured:`, ...problems.map((problem) => `• ${problem}`)].join('\n'),
    configurationCleared: (label) => `:white_check_mark: *${label}*: nothing is missing from its configuration any more (or it was switched off).`,
    heldBack: (label, until, perHour) => `(More alerts of ${label} are held back until ${until}: at most ${perHour} an hour.)`,
};
