import { OperatorTexts } from '../texts/OperatorTexts';
import { utcStamp } from '../time/utcStamp';
import { Problem } from './Problem';

/** A configuration problem (a source's, or the app's own alert room) in words, e.g. `<platform>_reply_url is empty: <Platform>'s calls are refused and replies cannot be sent`. */
export function describeProblem(problem: Problem, platform: string, texts: OperatorTexts): string {
    switch (problem.kind) {
        case 'empty-setting':
            return texts.emptySetting(problem.setting, texts.effect[problem.effect](platform));
        case 'unknown-department':
            return texts.unknownDepartment(problem.setting, problem.value);
        case 'not-connected':
            return texts.notConnected(platform, problem.call);
        case 'alert-room-missing':
            return texts.alertRoomMissing(problem.room);
        case 'alert-room-not-a-channel':
            return texts.alertRoomNotChannel(problem.room);
        case 'alert-room-refused':
            return texts.alertRoomRefused(problem.room, problem.error, utcStamp(problem.at));
    }
}
