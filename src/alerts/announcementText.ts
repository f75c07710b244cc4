import { platformOf } from '../platforms/registry';
import { APP_SOURCE } from '../stats/appSource';
import { describeProblem } from '../status/describeProblem';
import { OperatorTexts } from '../texts/OperatorTexts';
import { utcStamp } from '../time/utcStamp';
import { Announcement } from './AlertBook';
import { AlertCondition } from './AlertCondition';
import { ALERT_LIMITS } from './alertLimits';

/** A source as people name it: the platform's name, or the app's own endpoints. */
function labelOf(source: string, texts: OperatorTexts): string {
    return source === APP_SOURCE ? texts.alert.appEndpoints : platformOf(source)?.label ?? source;
}

function alertText(condition: AlertCondition, label: string, texts: OperatorTexts): string {
    const words = texts.alert;
    switch (condition.kind) {
        case 'parked':
            return words.parked({ label, source: condition.source, parked: condition.parked, reason: condition.reason, room: condition.room, item: condition.item });
        case 'failing':
            return words.failing({ label, minutes: ALERT_LIMITS.FAILING_MINUTES, since: utcStamp(condition.since), conversations: condition.conversations, lastError: condition.lastError });
        case 'refusals':
            return words.refusals(label, condition.count, ALERT_LIMITS.REFUSAL_MINUTES);
        case 'configuration':
            return words.configuration(label, condition.problems.map((problem) => describeProblem(problem, label, texts)));
    }
}

function clearText(kind: AlertCondition['kind'], label: string, texts: OperatorTexts): string {
    const words = texts.alert;
    switch (kind) {
        case 'parked':
            return words.parkedCleared(label);
        case 'failing':
            return words.failingCleared(label);
        case 'refusals':
            return words.refusalsCleared(label, ALERT_LIMITS.REFUSAL_QUIET_MINUTES);
        case 'configuration':
            return words.configurationCleared(label);
    }
}

/** What the bot posts for an announcement, in the operators' language. */
export function announcementText(announcement: Announcement, texts: OperatorTexts): string {
    if (announcement.type === 'clear') {
        return clearText(announcement.kind, labelOf(announcement.source, texts), texts);
    }
    const label = labelOf(announcement.condition.source, texts);
    const text = alertText(announcement.condition, label, texts);
    return announcement.heldBackUntil ? `${text}\n${texts.alert.heldBack(label, utcStamp(announcement.heldBackUntil), ALERT_LIMITS.ALERTS_PER_SOURCE_PER_HOUR)}` : text;
}
